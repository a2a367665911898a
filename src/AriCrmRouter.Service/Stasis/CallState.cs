namespace AriCrmRouter.Service.Stasis;

/// <summary>Where a call is in the router. Every call ends in <see cref="Routed"/>, <see cref="HungUp"/> or <see cref="Failed"/>; a failed call is still sent to a destination.</summary>
public enum CallState
{
    Entered,
    Ringing,
    Greeting,
    CollectingDtmf,
    LookingUp,
    Routing,
    Routed,
    HungUp,
    Failed,
}

internal static class CallStateTransitions
{
    /// <summary>The transitions the call flow may take; anything else is a bug.</summary>
    public static bool IsAllowed(CallState from, CallState to) => (from, to) switch
    {
        (_, CallState.HungUp or CallState.Failed) when from is not (CallState.Routed or CallState.HungUp) => true,
        (CallState.Entered, CallState.Ringing or CallState.Greeting or CallState.CollectingDtmf or CallState.LookingUp or CallState.Routing) => true,
        (CallState.Ringing, CallState.LookingUp or CallState.Routing) => true,
        (CallState.Greeting, CallState.CollectingDtmf or CallState.LookingUp) => true,
        (CallState.CollectingDtmf, CallState.LookingUp) => true,
        (CallState.LookingUp, CallState.Routing) => true,
        (CallState.Failed, CallState.Routing) => true,
        (CallState.Routing, CallState.Routed) => true,
        _ => false,
    };
}

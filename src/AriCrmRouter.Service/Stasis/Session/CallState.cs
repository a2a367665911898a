namespace AriCrmRouter.Service.Stasis.Session;

/// <summary>Where a call is in the router. Every call ends in <see cref="Routed"/> or <see cref="HungUp"/>; a failed call is still sent to a destination.</summary>
public enum CallState
{
    /// <summary>StasisStart seen; the rule is being resolved.</summary>
    Entered,

    /// <summary>DID rule: the caller hears ringing, the channel is not answered.</summary>
    Ringing,

    /// <summary>IVR rule: answered and the greeting plays; a digit stops it (barge-in) and is kept.</summary>
    Greeting,

    /// <summary>IVR rule: no greeting (any more); the DTMF timers run.</summary>
    CollectingDtmf,

    /// <summary>Asking the CRM (or its cache).</summary>
    LookingUp,

    /// <summary>Failed: something unexpected went wrong; the call is about to go to its default destination.</summary>
    Failed,

    /// <summary>Sending the channel to its destination (labels, continue).</summary>
    Routing,

    /// <summary>Done: the channel went back to the dialplan (or could not be routed at all; the sweep takes it).</summary>
    Routed,

    /// <summary>Done: the caller left; nothing to route.</summary>
    HungUp,
}

/// <summary>The named transitions of a call; each says why the call moved.</summary>
public enum CallTransition
{
    /// <summary>Entered -> Ringing: a DID rule.</summary>
    Ring,

    /// <summary>Entered -> Greeting: an IVR rule with a greeting.</summary>
    Greet,

    /// <summary>Entered or Greeting -> CollectingDtmf: no greeting, or it ended (finished, barge-in, cut short).</summary>
    CollectDigits,

    /// <summary>Ringing or CollectingDtmf -> LookingUp.</summary>
    LookUp,

    /// <summary>LookingUp -> Routing: the rule's decision.</summary>
    Decide,

    /// <summary>Entered -> Routing: no rule for the call; the global fallback.</summary>
    NoRule,

    /// <summary>Entered -> Routing: found after a reconnect or restart; its default destination.</summary>
    Recover,

    /// <summary>Entered -> Routing: arrived while the router shuts down; its default destination.</summary>
    ShutDown,

    /// <summary>A call in hand -> Routing: the drain time ran out during shutdown; its default destination.</summary>
    Abort,

    /// <summary>Any live state -> Failed: an unexpected error.</summary>
    Fail,

    /// <summary>Failed -> Routing: fail open to the default destination.</summary>
    FailOpen,

    /// <summary>Routing -> Routed.</summary>
    Continue,

    /// <summary>Any live state -> HungUp: the caller left (hang-up event, a vanished channel, or gone while routing).</summary>
    HangUp,
}

/// <summary>The transitions the call flow may take; anything else is a bug.</summary>
public static class CallStateTransitions
{
    /// <summary>The state <paramref name="transition"/> leads to from <paramref name="from"/>, or null when it is not allowed there.</summary>
    public static CallState? Target(CallState from, CallTransition transition) => (from, transition) switch
    {
        (CallState.Routed or CallState.HungUp, _) => null,
        (CallState.Entered, CallTransition.Ring) => CallState.Ringing,
        (CallState.Entered, CallTransition.Greet) => CallState.Greeting,
        (CallState.Entered or CallState.Greeting, CallTransition.CollectDigits) => CallState.CollectingDtmf,
        (CallState.Ringing or CallState.CollectingDtmf, CallTransition.LookUp) => CallState.LookingUp,
        (CallState.LookingUp, CallTransition.Decide) => CallState.Routing,
        (CallState.Entered, CallTransition.NoRule or CallTransition.Recover or CallTransition.ShutDown) => CallState.Routing,
        (CallState.Entered or CallState.Ringing or CallState.Greeting or CallState.CollectingDtmf or CallState.LookingUp, CallTransition.Abort) => CallState.Routing,
        (not CallState.Failed, CallTransition.Fail) => CallState.Failed,
        (CallState.Failed, CallTransition.FailOpen) => CallState.Routing,
        (CallState.Routing, CallTransition.Continue) => CallState.Routed,
        (_, CallTransition.HangUp) => CallState.HungUp,
        _ => null,
    };
}

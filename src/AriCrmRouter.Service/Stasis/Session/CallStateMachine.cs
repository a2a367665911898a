namespace AriCrmRouter.Service.Stasis.Session;

/// <summary>The one record of where a call is: moves only by the named transitions of <see cref="CallStateTransitions"/>.</summary>
internal sealed class CallStateMachine(string channelId, ILogger logger)
{
    public CallState Current { get; private set; } = CallState.Entered;

    /// <summary>Takes <paramref name="transition"/>; a transition the state does not allow is a bug and throws.</summary>
    public void Apply(CallTransition transition)
    {
        var next = CallStateTransitions.Target(Current, transition)
            ?? throw new InvalidOperationException($"call {channelId}: {transition} is not a valid transition from {Current}");
        Log.StateChanged(logger, channelId, Current, next, transition);
        Current = next;
    }
}

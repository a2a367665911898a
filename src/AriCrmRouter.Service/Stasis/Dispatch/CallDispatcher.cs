namespace AriCrmRouter.Service.Stasis.Dispatch;

/// <summary>
/// Where the ARI events arrive: hands each to its call's own queue (one session per channel, <see cref="CallRegistry"/>),
/// so events of one call are handled in order while different calls run concurrently. Called on the websocket
/// receive loop: it only enqueues and starts work, never waits. On every (re)connect the live calls resync and
/// <see cref="CallRecovery"/> takes the calls that are in the application without a session.
/// </summary>
internal sealed class CallDispatcher(CallRegistry calls, CallRecovery recovery, BroadcastClaims claims) : IAriEventSink
{
    public int ActiveCalls => calls.Count;

    /// <summary>Asterisk sends only these (the application's event filter, set on every connect).</summary>
    public IReadOnlyCollection<string> HandledEventTypes => HandledEvents.Types;

    public void OnEvent(AriEvent ariEvent)
    {
        switch (ariEvent)
        {
            case StasisStart start:
                calls.Start(start, calls.IsDraining ? CallEntry.Draining : CallEntry.New);
                break;
            case CallBroadcast offer:
                claims.Offer(offer);
                break;
            case StasisEnd end when calls.TryGet(end.Channel.Id, out var leaving):
                leaving.MarkLeftApplication();
                leaving.Enqueue(end);
                break;
            default:
                if (ariEvent.ChannelId is { } channelId && calls.TryGet(channelId, out var session))
                {
                    session.Enqueue(ariEvent);
                }

                break;
        }
    }

    /// <summary>The connect itself is logged by the ARI client; here the calls' events may have been lost.</summary>
    public void OnConnected(bool isReconnect)
    {
        if (isReconnect)
        {
            foreach (var session in calls.Sessions)
            {
                session.Enqueue(new TransportResumed());
            }
        }

        recovery.Connected();
    }

    /// <summary>The drop is logged by the ARI client; the sweep pauses until the next connect recovers.</summary>
    public void OnDisconnected(string reason) => recovery.Disconnected();

    /// <summary>Waits for the calls in hand, then sends the ones still waiting to their default destination.</summary>
    public Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken) => calls.DrainAsync(timeout, cancellationToken);

    /// <inheritdoc cref="CallRecovery.SweepAsync"/>
    public Task SweepAsync(CancellationToken cancellationToken) => recovery.SweepAsync(cancellationToken);
}

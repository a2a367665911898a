namespace AriCrmRouter.Service.Stasis.Dispatch;

/// <summary>A marker queued to every live call after the ARI websocket reconnected: its events may have been lost.</summary>
internal sealed record TransportResumed : AriEvent
{
    public override string? ChannelId => null;
}

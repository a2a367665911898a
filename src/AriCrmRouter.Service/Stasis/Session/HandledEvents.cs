namespace AriCrmRouter.Service.Stasis.Session;

/// <summary>
/// The ARI event types the router acts on, and so the only ones it asks Asterisk to send (the application's event
/// filter): a call's start and end, the keys pressed, the greeting's end, the hang-up, and the broadcast offers of
/// several routers. Everything else (ChannelVarset echoes of each label, ChannelStateChange, PlaybackStarted, ...)
/// would be decoded only to be dropped.
/// </summary>
internal static class HandledEvents
{
    public static IReadOnlyCollection<string> Types { get; } =
    [
        "StasisStart",
        "StasisEnd",
        "ChannelDtmfReceived",
        "ChannelHangupRequest",
        "ChannelDestroyed",
        "PlaybackFinished",
        "CallBroadcast",
    ];
}

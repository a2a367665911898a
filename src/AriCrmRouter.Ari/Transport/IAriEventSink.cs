namespace AriCrmRouter.Ari.Transport;

/// <summary>
/// Receives what the event connection sees. Called on the receive loop: implementations must only
/// enqueue and return, never block or await I/O. Exceptions thrown here are logged and swallowed.
/// </summary>
public interface IAriEventSink
{
    /// <summary>An event was decoded from the websocket.</summary>
    void OnEvent(AriEvent ariEvent);

    /// <summary>
    /// The websocket is (re)connected and the application registered. Events of calls already in the
    /// application were lost while disconnected: this is the moment to recover them.
    /// </summary>
    void OnConnected(bool isReconnect);

    /// <summary>The websocket dropped; the connection keeps trying to reconnect.</summary>
    void OnDisconnected(string reason);

    /// <summary>
    /// The event types this sink handles. When not null, every connection sets the application's ARI event filter to
    /// them (plus <c>ApplicationReplaced</c>), so Asterisk neither serialises nor sends the others (e.g. the
    /// <c>ChannelVarset</c> echo of every variable set). Null: every event.
    /// </summary>
    IReadOnlyCollection<string>? HandledEventTypes => null;
}

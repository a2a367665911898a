namespace AriCrmRouter.Ari;

/// <summary>
/// Every log message of the ARI client (event ids 1000-1999, docs/operations.md): 10xx the event websocket, 11xx
/// REST. The connection's connect, drop and ApplicationReplaced lines are logged here only. Never logs
/// credentials, query strings or message payloads.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Connecting to ARI events at {Host} for application {Application} (attempt {Attempt})")]
    public static partial void Connecting(ILogger logger, string host, string application, int attempt);

    // scripts/demo.sh, scripts/bench.sh and the end-to-end tests wait for this text.
    [LoggerMessage(1002, LogLevel.Information, "Connected to ARI as application {Application} (reconnect: {IsReconnect})")]
    public static partial void Connected(ILogger logger, string application, bool isReconnect);

    [LoggerMessage(1003, LogLevel.Warning, "ARI websocket connect to {Host} failed: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, string reason);

    [LoggerMessage(1004, LogLevel.Warning, "ARI websocket for application {Application} dropped: {Reason}")]
    public static partial void Disconnected(ILogger logger, string application, string reason);

    [LoggerMessage(1005, LogLevel.Information, "Reconnecting to ARI in {Delay}")]
    public static partial void ReconnectDelay(ILogger logger, TimeSpan delay);

    [LoggerMessage(1006, LogLevel.Information, "ARI event connection for application {Application} stopped")]
    public static partial void Stopped(ILogger logger, string application);

    [LoggerMessage(1007, LogLevel.Warning, "Ignored an ARI websocket message that is not a valid event")]
    public static partial void UndecodableEvent(ILogger logger, Exception exception);

    [LoggerMessage(1008, LogLevel.Error, "The ARI event sink threw while handling {EventType}; delivery continues")]
    public static partial void SinkEventFailed(ILogger logger, string eventType, Exception exception);

    [LoggerMessage(1009, LogLevel.Error, "The ARI event sink threw in {Callback}; the connection continues")]
    public static partial void SinkCallbackFailed(ILogger logger, string callback, Exception exception);

    [LoggerMessage(1010, LogLevel.Error, "ApplicationReplaced: another websocket (probably another router instance) took the ARI application {Application}; this instance receives no new calls until it reconnects")]
    public static partial void ApplicationReplaced(ILogger logger, string application);

    [LoggerMessage(1011, LogLevel.Error, "Unexpected failure in the ARI receive path; the connection continues")]
    public static partial void ReceivePathFailed(ILogger logger, Exception exception);

    [LoggerMessage(1012, LogLevel.Information, "ARI application {Application} receives only the {Count} event types it handles (event filter set)")]
    public static partial void EventFilterSet(ILogger logger, string application, int count);

    [LoggerMessage(1013, LogLevel.Warning, "Could not set the event filter of ARI application {Application} ({Reason}); Asterisk keeps sending every event, which works but costs CPU")]
    public static partial void EventFilterFailed(ILogger logger, string application, string reason);

    [LoggerMessage(1101, LogLevel.Debug, "ARI {Method} {Path} answered {StatusCode}")]
    public static partial void RestNonSuccess(ILogger logger, string method, string path, HttpStatusCode statusCode);

    [LoggerMessage(1102, LogLevel.Warning, "ARI {Method} {Path} failed before an answer: {Reason}")]
    public static partial void RestTransportFailed(ILogger logger, string method, string path, string reason);
}

namespace AriCrmRouter.Bench.NullApp;

internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Connected to ARI as application (reconnect: {IsReconnect})")]
    public static partial void Connected(ILogger logger, bool isReconnect);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "ARI websocket dropped: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Debug, Message = "continue of {ChannelId} failed with HTTP {Status}")]
    public static partial void ContinueFailed(ILogger logger, string channelId, int status);
}

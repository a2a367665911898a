using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Connectors.Vtiger;

/// <summary>Vtiger connector log events (4480-4519). Never logs session names, access keys or URLs.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4480, Level = LogLevel.Debug, Message = "Vtiger {Connection}: getchallenge and login")]
    public static partial void LoggingIn(ILogger logger, string connection);

    [LoggerMessage(EventId = 4481, Level = LogLevel.Debug, Message = "Vtiger {Connection}: querying {Module} by {Criterion}")]
    public static partial void Querying(ILogger logger, string connection, string module, string criterion);

    [LoggerMessage(EventId = 4482, Level = LogLevel.Debug, Message = "Vtiger {Connection}: the session was refused ({Code}), logging in again")]
    public static partial void SessionRefused(ILogger logger, string connection, string code);

    [LoggerMessage(EventId = 4483, Level = LogLevel.Debug, Message = "Vtiger {Connection}: {Module} lookup answered {Outcome}")]
    public static partial void Answered(ILogger logger, string connection, string module, string outcome);
}

using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Connectors.SuiteCrm;

/// <summary>SuiteCRM connector log events (4440-4479). Never logs session ids, tokens, passwords or URLs.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4440, Level = LogLevel.Debug, Message = "SuiteCRM {Connection}: logging in (v4_1)")]
    public static partial void LegacyLogin(ILogger logger, string connection);

    [LoggerMessage(EventId = 4441, Level = LogLevel.Debug, Message = "SuiteCRM {Connection}: requesting an access token ({GrantType})")]
    public static partial void TokenRequest(ILogger logger, string connection, string grantType);

    [LoggerMessage(EventId = 4442, Level = LogLevel.Debug, Message = "SuiteCRM {Connection}: searching {Module} by {Criterion} ({Api})")]
    public static partial void Searching(ILogger logger, string connection, string module, string criterion, string api);

    [LoggerMessage(EventId = 4443, Level = LogLevel.Debug, Message = "SuiteCRM {Connection}: the session was refused ({ErrorName}), logging in again")]
    public static partial void SessionRefused(ILogger logger, string connection, string errorName);

    [LoggerMessage(EventId = 4444, Level = LogLevel.Debug, Message = "SuiteCRM {Connection}: {Module} lookup answered {Outcome}")]
    public static partial void Answered(ILogger logger, string connection, string module, string outcome);
}

using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Connectors.SugarCrm;

/// <summary>SugarCRM connector log events (4400-4439). Never logs tokens, passwords or URLs.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4400, Level = LogLevel.Debug, Message = "SugarCRM {Connection}: logging in with the password grant")]
    public static partial void PasswordGrant(ILogger logger, string connection);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Debug, Message = "SugarCRM {Connection}: renewing the token with the refresh token")]
    public static partial void RefreshGrant(ILogger logger, string connection);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "SugarCRM {Connection}: the refresh token was refused, logging in with the password")]
    public static partial void RefreshRefused(ILogger logger, string connection);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Debug, Message = "SugarCRM {Connection}: filtering {Module} by {Criterion}")]
    public static partial void Filtering(ILogger logger, string connection, string module, string criterion);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Debug, Message = "SugarCRM {Connection}: {Module} lookup answered {Outcome}")]
    public static partial void Answered(ILogger logger, string connection, string module, string outcome);
}

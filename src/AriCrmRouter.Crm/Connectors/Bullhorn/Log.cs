using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Connectors.Bullhorn;

/// <summary>Bullhorn connector log events (4560-4599). Never logs codes, tokens, passwords or URLs.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4560, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: finding the data centre (loginInfo)")]
    public static partial void LoginInfo(ILogger logger, string connection);

    [LoggerMessage(EventId = 4561, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: loginInfo redirected to another data centre")]
    public static partial void DataCentreRedirect(ILogger logger, string connection);

    [LoggerMessage(EventId = 4562, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: authorizing the API user")]
    public static partial void Authorizing(ILogger logger, string connection);

    [LoggerMessage(EventId = 4563, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: renewing the access token with the refresh token")]
    public static partial void Refreshing(ILogger logger, string connection);

    [LoggerMessage(EventId = 4564, Level = LogLevel.Information, Message = "Bullhorn {Connection}: the refresh token was refused, authorizing again")]
    public static partial void RefreshRefused(ILogger logger, string connection);

    [LoggerMessage(EventId = 4565, Level = LogLevel.Warning, Message = "Bullhorn {Connection}: the authorize redirect was followed by the HTTP client; register the client named '{ClientName}' without automatic redirects")]
    public static partial void AuthorizeRedirectFollowed(ILogger logger, string connection, string clientName);

    [LoggerMessage(EventId = 4566, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: looking up {Module} by {Criterion}")]
    public static partial void Looking(ILogger logger, string connection, string module, string criterion);

    [LoggerMessage(EventId = 4567, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: {Module} lookup answered {Outcome}")]
    public static partial void Answered(ILogger logger, string connection, string module, string outcome);
}

using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Connectors.Salesforce;

/// <summary>Salesforce connector log events (4150-4199). Never logs tokens or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4150, Level = LogLevel.Debug, Message = "CRM connection {Connection}: requesting a Salesforce access token ({GrantType}) from {LoginHost}")]
    public static partial void RequestingToken(ILogger logger, string connection, string grantType, string loginHost);

    [LoggerMessage(EventId = 4151, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Salesforce access token obtained for {InstanceHost}")]
    public static partial void TokenObtained(ILogger logger, string connection, string instanceHost);

    [LoggerMessage(EventId = 4152, Level = LogLevel.Debug, Message = "CRM connection {Connection}: searching Salesforce {Module} with {Language}")]
    public static partial void Searching(ILogger logger, string connection, string module, string language);

    [LoggerMessage(EventId = 4153, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Salesforce rejected the session; it will be refreshed once")]
    public static partial void SessionRejected(ILogger logger, string connection);

    [LoggerMessage(EventId = 4154, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Salesforce {Module} has no record with a value in {Field}")]
    public static partial void NotFound(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4155, Level = LogLevel.Warning, Message = "CRM connection {Connection}: Salesforce API request limit reached (retry after {RetryAfter})")]
    public static partial void RateLimited(ILogger logger, string connection, TimeSpan? retryAfter);
}

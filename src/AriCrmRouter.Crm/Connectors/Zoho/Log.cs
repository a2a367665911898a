using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Connectors.Zoho;

/// <summary>Zoho connector log events (4100-4149). Never logs tokens or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "CRM connection {Connection}: requesting a Zoho access token from {AccountsHost}")]
    public static partial void RequestingToken(ILogger logger, string connection, string accountsHost);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Zoho access token obtained for {ApiHost}, valid for {Lifetime}")]
    public static partial void TokenObtained(ILogger logger, string connection, string apiHost, TimeSpan lifetime);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "CRM connection {Connection}: searching Zoho {Module} by {SearchKind}")]
    public static partial void Searching(ILogger logger, string connection, string module, string searchKind);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Zoho rejected the access token; it will be refreshed once")]
    public static partial void TokenRejected(ILogger logger, string connection);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Zoho {Module} has no record with a value in {Field}")]
    public static partial void NotFound(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "CRM connection {Connection}: Zoho rate limited the lookup (retry after {RetryAfter})")]
    public static partial void RateLimited(ILogger logger, string connection, TimeSpan? retryAfter);
}

using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>Pipedrive connector log events (4300-4349). Never logs tokens or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Debug, Message = "CRM connection {Connection}: refreshing the Pipedrive OAuth access token")]
    public static partial void RefreshingToken(ILogger logger, string connection);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Pipedrive access token obtained for {ApiHost}, valid for {Lifetime}")]
    public static partial void TokenObtained(ILogger logger, string connection, string apiHost, TimeSpan lifetime);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Debug, Message = "CRM connection {Connection}: searching Pipedrive {Module} by {SearchKind}")]
    public static partial void Searching(ILogger logger, string connection, string module, string searchKind);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Pipedrive rejected the credential")]
    public static partial void CredentialRejected(ILogger logger, string connection);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Pipedrive {Module} has no record with a value in {Field}")]
    public static partial void NotFound(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "CRM connection {Connection}: Pipedrive rate limited the lookup (retry after {RetryAfter})")]
    public static partial void RateLimited(ILogger logger, string connection, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Debug, Message = "CRM connection {Connection}: reading Pipedrive {Module} field definitions")]
    public static partial void ReadingFields(ILogger logger, string connection, string module);
}

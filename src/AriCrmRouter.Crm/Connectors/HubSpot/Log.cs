using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Connectors.HubSpot;

/// <summary>HubSpot connector log events (4200-4249). Never logs tokens or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Debug, Message = "CRM connection {Connection}: refreshing the HubSpot OAuth access token")]
    public static partial void RefreshingToken(ILogger logger, string connection);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "CRM connection {Connection}: HubSpot access token obtained, valid for {Lifetime}")]
    public static partial void TokenObtained(ILogger logger, string connection, TimeSpan lifetime);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Debug, Message = "CRM connection {Connection}: searching HubSpot {Module} with {GroupCount} filter groups")]
    public static partial void Searching(ILogger logger, string connection, string module, int groupCount);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Debug, Message = "CRM connection {Connection}: HubSpot rejected the access token")]
    public static partial void TokenRejected(ILogger logger, string connection);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Debug, Message = "CRM connection {Connection}: HubSpot {Module} has no record with a value in {Field}")]
    public static partial void NotFound(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "CRM connection {Connection}: HubSpot rate limited the lookup (retry after {RetryAfter})")]
    public static partial void RateLimited(ILogger logger, string connection, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Debug, Message = "CRM connection {Connection}: reading the option labels of HubSpot property {Module}.{Field}")]
    public static partial void ReadingOptionLabels(ILogger logger, string connection, string module, string field);
}

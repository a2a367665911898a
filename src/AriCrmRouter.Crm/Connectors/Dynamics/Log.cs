using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Connectors.Dynamics;

/// <summary>Dynamics connector log events (4250-4299). Never logs tokens, passwords or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4250, Level = LogLevel.Debug, Message = "CRM connection {Connection}: requesting a Dynamics access token from {TokenHost}")]
    public static partial void RequestingToken(ILogger logger, string connection, string tokenHost);

    [LoggerMessage(EventId = 4251, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Dynamics access token obtained, valid for {Lifetime}")]
    public static partial void TokenObtained(ILogger logger, string connection, TimeSpan lifetime);

    [LoggerMessage(EventId = 4252, Level = LogLevel.Debug, Message = "CRM connection {Connection}: querying Dynamics {Module} through {Api} by {SearchKind}")]
    public static partial void Querying(ILogger logger, string connection, string module, string api, string searchKind);

    [LoggerMessage(EventId = 4253, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Dynamics rejected the credential")]
    public static partial void CredentialRejected(ILogger logger, string connection);

    [LoggerMessage(EventId = 4254, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Dynamics {Module} has no record with a value in {Field}")]
    public static partial void NotFound(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4255, Level = LogLevel.Warning, Message = "CRM connection {Connection}: Dynamics throttled the lookup (retry after {RetryAfter})")]
    public static partial void RateLimited(ILogger logger, string connection, TimeSpan? retryAfter);
}

namespace AriCrmRouter.Crm;

/// <summary>
/// The CRM project's log events, one owner each, all in the project's range 3000-3999: lookups 3001-3049, rotated
/// refresh tokens 3050-3099, what every vendor connector does 3100-3199 (one event each, named with the vendor's
/// display name and logged through <see cref="Connectors.Shared.ConnectorEvents"/>), then events only one vendor has
/// (Bullhorn 3200-3219). Never logs caller numbers, answers, codes, tokens, passwords or URLs.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "CRM lookup for rule {Rule} failed: {Reason}")]
    public static partial void LookupFailed(ILogger logger, string rule, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "CRM answer cache unavailable ({ErrorType}: {Error}); asking the CRM directly")]
    public static partial void CacheUnavailable(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "CRM lookup for rule {Rule} failed unexpectedly")]
    public static partial void LookupCrashed(ILogger logger, Exception exception, string rule);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "CRM connection store unavailable ({Error}); using the last known connection '{Name}'")]
    public static partial void UsingLastKnownConnection(ILogger logger, string name, string error);

    [LoggerMessage(EventId = 3050, Level = LogLevel.Warning, Message = "CRM connection {Connection}: the rotated refresh token could not be read or stored ({Error}); using this router's copy")]
    public static partial void RefreshTokenStoreUnavailable(ILogger logger, string connection, string error);

    [LoggerMessage(EventId = 3051, Level = LogLevel.Debug, Message = "CRM connection {Connection}: another router stored a newer refresh token first; keeping it")]
    public static partial void RefreshTokenStoredElsewhere(ILogger logger, string connection);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "CRM connection {Connection}: searching {Vendor} {Module} by {Criterion}")]
    public static partial void Searching(ILogger logger, string connection, string vendor, string module, string criterion);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "CRM connection {Connection}: requesting a {Vendor} credential ({Grant}) from {Host}")]
    public static partial void RequestingCredential(ILogger logger, string connection, string vendor, string grant, string host);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "CRM connection {Connection}: {Vendor} credential obtained for {ApiHost}, valid {Lifetime}")]
    public static partial void CredentialObtained(ILogger logger, string connection, string vendor, string apiHost, string lifetime);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "CRM connection {Connection}: {Vendor} rejected the credential ({Reason}); it will be renewed once")]
    public static partial void CredentialRejected(ILogger logger, string connection, string vendor, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Debug, Message = "CRM connection {Connection}: {Vendor} {Module} has no record with a value in {Field}")]
    public static partial void NotFound(ILogger logger, string connection, string vendor, string module, string field);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "CRM connection {Connection}: {Vendor} rate limited the lookup (retry after {RetryAfter})")]
    public static partial void RateLimited(ILogger logger, string connection, string vendor, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Debug, Message = "CRM connection {Connection}: {Vendor} {Module} lookup answered {Outcome}")]
    public static partial void LookupAnswered(ILogger logger, string connection, string vendor, string module, string outcome);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Information, Message = "CRM connection {Connection}: {Vendor} refused the refresh token; logging in again")]
    public static partial void RefreshTokenRefused(ILogger logger, string connection, string vendor);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Debug, Message = "CRM connection {Connection}: reading {Vendor} {What}")]
    public static partial void ReadingDefinitions(ILogger logger, string connection, string vendor, string what);

    [LoggerMessage(EventId = 3200, Level = LogLevel.Debug, Message = "CRM connection {Connection}: finding the Bullhorn data centre (loginInfo)")]
    public static partial void BullhornLoginInfo(ILogger logger, string connection);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Bullhorn loginInfo redirected to another data centre")]
    public static partial void BullhornDataCentreRedirect(ILogger logger, string connection);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "CRM connection {Connection}: the Bullhorn authorize redirect was followed by the HTTP client; register the client named '{ClientName}' without automatic redirects")]
    public static partial void BullhornAuthorizeRedirectFollowed(ILogger logger, string connection, string clientName);
}

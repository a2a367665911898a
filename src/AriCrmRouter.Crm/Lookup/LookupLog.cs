using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Lookup;

/// <summary>Lookup service log events (3001-3099). Never logs caller numbers, secrets or answers.</summary>
internal static partial class LookupLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "CRM lookup for rule {Rule} failed: {Reason}")]
    public static partial void LookupFailed(ILogger logger, string rule, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "CRM answer cache unavailable ({ErrorType}: {Error}); asking the CRM directly")]
    public static partial void CacheUnavailable(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "CRM lookup for rule {Rule} failed unexpectedly")]
    public static partial void LookupCrashed(ILogger logger, Exception exception, string rule);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "CRM connection store unavailable ({Error}); using the last known connection '{Name}'")]
    public static partial void UsingLastKnownConnection(ILogger logger, string name, string error);
}

namespace AriCrmRouter.Storage;

/// <summary>Storage log messages. Event ids 4000-4099 are reserved for this project.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Warning, "Redis at {Endpoints} is not reachable yet; retrying in the background")]
    public static partial void RedisNotReachableAtStart(ILogger logger, string endpoints);

    [LoggerMessage(4001, LogLevel.Warning, "Lost the connection to Redis at {Endpoints} ({FailureType})")]
    public static partial void RedisConnectionFailed(ILogger logger, string endpoints, string failureType);

    [LoggerMessage(4002, LogLevel.Information, "Reconnected to Redis at {Endpoints}")]
    public static partial void RedisConnectionRestored(ILogger logger, string endpoints);

    [LoggerMessage(4010, LogLevel.Warning, "Rule set version {Version} was written but the change notification could not be published; routers will see it at their next poll")]
    public static partial void RuleChangeNotPublished(ILogger logger, long version, Exception exception);

    [LoggerMessage(4020, LogLevel.Information, "Loaded rule set version {Version}: {RuleCount} rules, {DidCount} DIDs")]
    public static partial void RuleSetLoaded(ILogger logger, long version, int ruleCount, int didCount);

    [LoggerMessage(4021, LogLevel.Error, "Cannot read the rule set from Redis; still routing with version {ServingVersion} from memory")]
    public static partial void RuleStoreUnreachable(ILogger logger, long servingVersion, Exception exception);

    [LoggerMessage(4022, LogLevel.Error, "The rule set stored in Redis is invalid; still routing with version {ServingVersion} from memory: {Reason}")]
    public static partial void StoredRuleSetInvalid(ILogger logger, long servingVersion, string reason);

    [LoggerMessage(4023, LogLevel.Warning, "Redis holds no rule set (its data was lost?); still routing with version {ServingVersion} from memory")]
    public static partial void StoredRuleSetMissing(ILogger logger, long servingVersion);

    [LoggerMessage(4024, LogLevel.Information, "Rule set storage is healthy again (serving version {ServingVersion})")]
    public static partial void RuleStoreRecovered(ILogger logger, long servingVersion);

    [LoggerMessage(4025, LogLevel.Error, "Unexpected failure while checking the rule set; still routing with version {ServingVersion} from memory")]
    public static partial void RuleCheckFailed(ILogger logger, long servingVersion, Exception exception);

    [LoggerMessage(4026, LogLevel.Warning, "Cannot subscribe to rule change notifications yet; polling every {PollInterval}")]
    public static partial void RuleChangeSubscriptionFailed(ILogger logger, TimeSpan pollInterval);

    [LoggerMessage(4030, LogLevel.Warning, "Secrets at rest: cannot decrypt {Unreadable}; calls under the affected rules go to their default destinations, other rules are not affected")]
    public static partial void SecretsUnreadable(ILogger logger, string unreadable);

    [LoggerMessage(4031, LogLevel.Information, "Secrets at rest: {KeyRing} ({KeyCount} keys) decrypts all {Encrypted} encrypted secrets; {PlainText} still in plain text from an older version ('crmrouter-admin secrets reencrypt' encrypts them)")]
    public static partial void SecretsReadable(ILogger logger, string keyRing, int keyCount, int encrypted, int plainText);

    [LoggerMessage(4032, LogLevel.Information, "Secrets at rest: stored secrets not checked at start ({Error})")]
    public static partial void SecretsNotChecked(ILogger logger, string error);
}

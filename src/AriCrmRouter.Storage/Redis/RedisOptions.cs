using System.ComponentModel.DataAnnotations;

namespace AriCrmRouter.Storage.Redis;

/// <summary>Where the rules, CRM connections and cached CRM answers live; bound from the <c>Redis</c> section.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    public const string DefaultConfiguration = "127.0.0.1:6379";

    public const string DefaultKeyPrefix = "crmrouter:";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:port,password=...,ssl=true</c>, or Sentinel
    /// endpoints and <c>serviceName=...</c>). It can hold the password, so it is never logged: only its endpoints are.
    /// </summary>
    [Required]
    public string Configuration { get; set; } = DefaultConfiguration;

    /// <summary>Prepended to every key and channel, so that several routers (or tests) can share one Redis.</summary>
    [Required]
    [RegularExpression(@"^[^\s]{1,64}$", ErrorMessage = "KeyPrefix must be 1 to 64 characters without whitespace.")]
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>
    /// Upper bound of one CRM answer cache read or write. Kept short so that a slow or dead Redis only
    /// costs a lookup this much of its deadline.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan CacheOperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a router checks the rule set version, in case a change notification was missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RulePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

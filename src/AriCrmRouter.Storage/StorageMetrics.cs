using System.Diagnostics.Metrics;

namespace AriCrmRouter.Storage;

/// <summary>
/// Metrics of the Redis storage (meter <c>AriCrmRouter.Storage</c>): failed Redis commands. The served rule
/// set's version and age are observed on the same meter by the router, which owns the rule watcher.
/// </summary>
public sealed class StorageMetrics
{
    public const string MeterName = "AriCrmRouter.Storage";

    private readonly Counter<long> _errors;

    public StorageMetrics(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _errors = Meter.CreateCounter<long>("crmrouter.redis.errors", "{error}",
            "Redis commands that failed because Redis was unreachable, timed out or could not serve (by error.type)");
    }

    /// <summary>The component's one meter, for instruments observed elsewhere (the rule set gauges).</summary>
    public Meter Meter { get; }

    internal void RedisFailed(string errorType) => _errors.Add(1, new KeyValuePair<string, object?>("error.type", errorType));
}

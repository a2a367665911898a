using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AriCrmRouter.Crm.Lookup;

/// <summary>
/// Metrics of CRM lookups (meter <c>AriCrmRouter.Crm</c>), labelled by CRM (<c>crmrouter.crm</c>: the custom CRM's
/// <c>host:port</c> or the connection name, the same key as the circuit breaker's; never a path or query).
/// </summary>
public sealed class CrmLookupMetrics
{
    public const string MeterName = "AriCrmRouter.Crm";

    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _cache;
    private readonly ConcurrentDictionary<string, int> _breakers = new(StringComparer.Ordinal);

    public CrmLookupMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _duration = meter.CreateHistogram("crmrouter.crm.lookup.duration", "s",
            "Time from the start of a lookup to its outcome, cache included", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _cache = meter.CreateCounter<long>("crmrouter.crm.cache.requests", "{request}",
            "Reads of the CRM answer cache, by result (hit or miss; an unreachable cache counts as a miss)");
        meter.CreateObservableGauge("crmrouter.crm.circuit_breaker.state", ObserveBreakers, "{state}",
            "Circuit breaker of each CRM: 0 closed, 1 half-open, 2 open");
    }

    /// <summary><paramref name="crm"/> is the CRM's label (<see cref="CrmTargets.Label"/>).</summary>
    internal void LookupFinished(string crm, LookupOutcome outcome, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, new("crmrouter.crm", crm), new("crmrouter.lookup.result", ResultName(outcome)));

    internal void CacheRead(string crm, bool hit) =>
        _cache.Add(1, new("crmrouter.crm", crm), new("crmrouter.cache.result", hit ? "hit" : "miss"));

    internal void BreakerClosed(string crm) => _breakers[crm] = 0;

    internal void BreakerHalfOpened(string crm) => _breakers[crm] = 1;

    internal void BreakerOpened(string crm) => _breakers[crm] = 2;

    internal static string ResultName(LookupOutcome outcome) => outcome switch
    {
        LookupOutcome.FoundValue => "found",
        LookupOutcome.NoValue => "not_found",
        _ => "failed",
    };

    private IEnumerable<Measurement<int>> ObserveBreakers() =>
        _breakers.Select(b => new Measurement<int>(b.Value, new KeyValuePair<string, object?>("crmrouter.crm", b.Key)));
}

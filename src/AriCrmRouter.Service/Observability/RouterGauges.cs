using System.Diagnostics.Metrics;
using AriCrmRouter.Storage.Rules;

namespace AriCrmRouter.Service.Observability;

/// <summary>
/// Gauges read from the router's state when scraped: calls in hand per Asterisk server (on the calls meter) and the served rule
/// set's version, age and staleness (on the storage meter).
/// </summary>
internal sealed class RouterGauges
{
    public RouterGauges(CallMetrics calls, StorageMetrics storage, AriServers servers, RuleSetWatcher rules, TimeProvider timeProvider)
    {
        calls.Meter.CreateObservableUpDownCounter("crmrouter.calls.active", () => ObserveActiveCalls(servers), "{call}",
            "Calls currently in Stasis with the router (from StasisStart until they are continued or hang up), by Asterisk server");
        storage.Meter.CreateObservableGauge("crmrouter.rules.version", () => rules.Version, "{version}",
            "Version of the served rule set (0: none loaded)");
        storage.Meter.CreateObservableGauge("crmrouter.rules.age", () => ObserveAge(rules, timeProvider), "s",
            "Seconds since the served rule set was loaded");
        storage.Meter.CreateObservableGauge("crmrouter.rules.stale", () => rules.IsServingLastGood ? 1 : 0, "{state}",
            "1 while the rule store cannot be read and the last good rule set is served, else 0");
    }

    private static IEnumerable<Measurement<int>> ObserveActiveCalls(AriServers servers) =>
        servers.All.Select(server => new Measurement<int>(server.Dispatcher.ActiveCalls, new KeyValuePair<string, object?>(CallMetrics.ServerTag, server.Name)));

    private static IEnumerable<Measurement<double>> ObserveAge(RuleSetWatcher rules, TimeProvider timeProvider) =>
        rules.LoadedAt is { } loadedAt ? [new Measurement<double>((timeProvider.GetUtcNow() - loadedAt).TotalSeconds)] : [];
}

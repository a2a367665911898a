using System.Globalization;
using AriCrmRouter.Storage.Rules;

namespace AriCrmRouter.Service.Observability;

/// <summary>
/// Healthy when the served rule set is the stored one. Degraded when the store cannot be read but a last good
/// set is served, or when the store holds no rule set (every call goes to the global fallback). Unhealthy when
/// no rule set could ever be read.
/// </summary>
internal sealed class RuleSetHealthCheck(RuleSetWatcher watcher) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var version = watcher.Version;
        var versionText = version.ToString(CultureInfo.InvariantCulture);
        var result = (watcher.IsServingLastGood, version) switch
        {
            (true, 0) => HealthCheckResult.Unhealthy("no rule set could be read from Redis yet"),
            (true, _) => HealthCheckResult.Degraded($"the rule store cannot be read: serving the last good rule set, version {versionText}"),
            (false, 0) => HealthCheckResult.Degraded("no rule set is stored: every call goes to the global fallback"),
            _ => HealthCheckResult.Healthy($"rule set version {versionText} loaded"),
        };
        return Task.FromResult(result);
    }
}

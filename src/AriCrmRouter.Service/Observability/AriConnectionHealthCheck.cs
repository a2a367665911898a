using AriCrmRouter.Ari.Transport;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AriCrmRouter.Service.Observability;

/// <summary>Ready only while the ARI event websocket is connected: without it Asterisk cannot hand calls to the router.</summary>
internal sealed class AriConnectionHealthCheck(AriConnectionMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(monitor.IsConnected
            ? HealthCheckResult.Healthy($"connected to {monitor.Server}")
            : HealthCheckResult.Unhealthy($"not connected to {monitor.Server}"));
}

namespace AriCrmRouter.Service.Observability;

/// <summary>
/// The <c>ari</c> readiness check: ready while at least one Asterisk server's event websocket is connected (without
/// any, no Asterisk can hand a call to the router); Degraded while some of several are not. A router with one server
/// of two down still serves the other, so it stays ready; restarting it would not bring that Asterisk back.
/// </summary>
internal sealed class AriConnectionHealthCheck(AriServers servers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var monitors = servers.All.Select(server => server.Monitor).ToList();
        var down = monitors.Where(m => !m.IsConnected).ToList();
        var result = (down.Count, monitors.Count) switch
        {
            (0, 1) => HealthCheckResult.Healthy($"connected to {monitors[0].Server}"),
            (1, 1) => HealthCheckResult.Unhealthy($"not connected to {monitors[0].Server}"),
            (0, _) => HealthCheckResult.Healthy($"connected to all {monitors.Count} servers"),
            var (d, n) when d == n => HealthCheckResult.Unhealthy($"not connected to any of the {n} servers"),
            _ => HealthCheckResult.Degraded($"not connected to {string.Join(", ", down.Select(Describe))}; serving the others"),
        };
        return Task.FromResult(result);
    }

    private static string Describe(AriConnectionMonitor monitor) => $"{monitor.Name} ({monitor.Server})";
}

/// <summary>The <c>ari:{name}</c> check of one of several servers: Healthy while connected, else Degraded (the <c>ari</c> check decides readiness).</summary>
internal sealed class AriServerHealthCheck(AriServerScope server) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(server.Monitor.IsConnected
            ? HealthCheckResult.Healthy($"connected to {server.Monitor.Server}")
            : HealthCheckResult.Degraded($"not connected to {server.Monitor.Server}"));
}

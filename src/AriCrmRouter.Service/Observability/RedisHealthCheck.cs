using AriCrmRouter.Storage.Redis;
using StackExchange.Redis;

namespace AriCrmRouter.Service.Observability;

/// <summary>
/// PINGs Redis. An unreachable Redis makes the router degraded, not unready: calls are still routed, with the
/// last good rules and without the answer cache (the rule check reports whether rules were ever loaded).
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis, IOptions<ObservabilityOptions> options, TimeProvider timeProvider) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.HealthCheckTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var multiplexer = await redis.GetAsync(linked.Token);
            await multiplexer.GetDatabase().PingAsync().WaitAsync(linked.Token);
            return HealthCheckResult.Healthy($"reachable at {redis.Endpoints}");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Degraded($"unreachable at {redis.Endpoints} ({ex.GetType().Name})");
        }
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AriCrmRouter.Service.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// Health checks (ARI, and each ARI server when there are several; rules, Redis), OpenTelemetry metrics of the router's meters exported for Prometheus,
    /// and the operations endpoint serving both (section <c>Observability</c>, validated on start).
    /// </summary>
    public static IServiceCollection AddRouterObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObservabilityOptions>().Bind(configuration.GetSection(ObservabilityOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ObservabilityOptions>, ObservabilityOptionsValidator>();
        services.AddMetrics();
        services.TryAddSingleton<CallMetrics>();
        services.TryAddSingleton<RouterGauges>();
        services.AddHealthChecks()
            .AddCheck<AriConnectionHealthCheck>("ari", tags: [OperationsEndpoint.ReadyTag])
            .AddCheck<RuleSetHealthCheck>("rules", tags: [OperationsEndpoint.ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [OperationsEndpoint.ReadyTag]);
        services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<AriOptions>>((health, ari) =>
        {
            // With Ari:Servers, one check per server beside the "ari" summary, so /readyz says which one is down.
            foreach (var name in ari.Value.Servers.Select(server => server.Name))
            {
                health.Registrations.Add(new HealthCheckRegistration(
                    "ari:" + name,
                    sp => new AriServerHealthCheck(sp.GetRequiredService<AriServers>().All.Single(server => server.Name == name)),
                    failureStatus: null,
                    tags: [OperationsEndpoint.ReadyTag]));
            }
        });
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("crmrouter", serviceVersion: typeof(ObservabilityOptions).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddMeter(CallMetrics.MeterName, CrmLookupMetrics.MeterName, StorageMetrics.MeterName, AriConnectionMonitor.MeterName, "System.Runtime")
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        services.TryAddSingleton<OperationsEndpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsEndpoint>());
        return services;
    }
}

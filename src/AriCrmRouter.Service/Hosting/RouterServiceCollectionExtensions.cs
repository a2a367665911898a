using AriCrmRouter.Crm;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Service.Observability;

namespace AriCrmRouter.Service.Hosting;

public static class RouterServiceCollectionExtensions
{
    /// <summary>The whole router: ARI client, Redis rules and cache, CRM lookups, the Stasis application.</summary>
    public static IServiceCollection AddCrmRouter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouterOptions(configuration);
        services.AddAriServers(configuration);
        services.AddRedisStorage(configuration);
        services.AddRuleSetWatcher();
        services.AddSecretsStartupCheck();
        services.AddCrmLookups(configuration);
        services.AddCrmConnectors();
        services.AddSingleton<ICrmLookup, CrmServiceLookup>();
        services.AddCallHandling();
        services.AddHostedService<StasisApplication>();
        services.AddHostedService<OrphanSweeper>();
        services.AddRouterObservability(configuration);
        services.AddOptions<HostOptions>().Configure<IOptions<RouterOptions>>((host, router) =>
            host.ShutdownTimeout = router.Value.DrainTimeout + router.Value.RoutingTimeout + router.Value.ShutdownMargin);
        return services;
    }

    /// <summary>
    /// <see cref="RouterOptions"/> from the <c>Routing</c> section and <see cref="HighAvailabilityOptions"/>, validated
    /// (nested objects too) on start.
    /// </summary>
    internal static IServiceCollection AddRouterOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RouterOptions>().Bind(configuration.GetSection(RouterOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RouterOptions>, RouterOptionsValidator>();
        services.AddOptions<HighAvailabilityOptions>().Bind(configuration.GetSection(HighAvailabilityOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HighAvailabilityOptions>, HighAvailabilityOptionsValidator>();
        return services;
    }

    /// <summary>
    /// The Stasis call handling (dispatcher, sessions, recovery, routing, decision log) without its surroundings, one
    /// set per Asterisk server (<see cref="AriServers"/>: a DI scope each): needs an <see cref="IAriClient"/> (per
    /// server in production), an <see cref="IRuleSetProvider"/>, an <see cref="ICrmLookup"/>, a
    /// <see cref="TimeProvider"/>, <see cref="AriOptions"/> and <see cref="RouterOptions"/>.
    /// </summary>
    internal static IServiceCollection AddCallHandling(this IServiceCollection services)
    {
        services.AddSingleton<AriServers>();
        services.AddScoped<AriServerContext>();
        services.AddScoped<DestinationRouter>();
        services.AddScoped<DecisionLog>();
        services.AddScoped<CallServices>();
        services.AddScoped<CallRegistry>();
        services.AddScoped<CallRecovery>();
        services.AddScoped<BroadcastClaims>();
        services.AddScoped<PeerTakeover>();
        services.AddScoped<CallDispatcher>();
        return services;
    }
}

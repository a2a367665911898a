using AriCrmRouter.Ari;
using AriCrmRouter.Crm;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Service.CrmConnections;
using AriCrmRouter.Service.Destinations;
using AriCrmRouter.Service.Observability;
using AriCrmRouter.Service.Stasis;
using AriCrmRouter.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Service.Hosting;

public static class RouterServiceCollectionExtensions
{
    /// <summary>The whole router: ARI client, Redis rules and cache, CRM lookups, the Stasis application.</summary>
    public static IServiceCollection AddCrmRouter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RouterOptions>().Bind(configuration.GetSection(RouterOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddAriClient(configuration);
        services.AddRedisStorage(configuration);
        services.AddRuleSetWatcher();
        services.AddSecretsStartupCheck();
        services.AddCrmLookups(configuration);
        services.AddCrmConnectors();
        services.AddSingleton<ICrmConnectionSource, StoredConnectionSource>();
        services.AddSingleton<DestinationRouter>();
        services.AddSingleton<CallServices>();
        services.AddSingleton<CallDispatcher>();
        services.AddHostedService<StasisApplication>();
        services.AddHostedService<OrphanSweeper>();
        services.AddRouterObservability(configuration);
        services.AddOptions<HostOptions>().Configure<IOptions<RouterOptions>>((host, router) =>
            host.ShutdownTimeout = router.Value.DrainTimeout + router.Value.RoutingTimeout + TimeSpan.FromSeconds(5));
        return services;
    }
}

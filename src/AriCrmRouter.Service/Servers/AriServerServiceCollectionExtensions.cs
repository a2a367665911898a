using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AriCrmRouter.Service.Servers;

internal static class AriServerServiceCollectionExtensions
{
    /// <summary>
    /// The ARI client per server: <see cref="AriOptions"/> (validated on start) and the shared HTTP client from
    /// <see cref="AriServiceCollectionExtensions.AddAriClient"/>, then a REST client, an event connection and its
    /// monitor in each server's scope, each with that server's options (URL and credentials).
    /// </summary>
    public static IServiceCollection AddAriServers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAriClient(configuration);
        services.Replace(ServiceDescriptor.Scoped<IAriClient>(sp => ActivatorUtilities.CreateInstance<AriRestClient>(sp, ServerOptions(sp))));
        services.Replace(ServiceDescriptor.Scoped(sp => ActivatorUtilities.CreateInstance<AriConnectionMonitor>(sp, ServerOptions(sp))));
        services.Replace(ServiceDescriptor.Scoped(sp =>
            ActivatorUtilities.CreateInstance<AriEventConnection>(sp, ServerOptions(sp), sp.GetRequiredService<AriConnectionMonitor>())));
        return services;
    }

    private static IOptions<AriOptions> ServerOptions(IServiceProvider scope) =>
        Options.Create(scope.GetRequiredService<AriServerContext>().Options);
}

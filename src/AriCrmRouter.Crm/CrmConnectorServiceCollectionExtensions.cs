using AriCrmRouter.Crm.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AriCrmRouter.Crm;

public static class CrmConnectorServiceCollectionExtensions
{
    /// <summary>Every vendor connector, each serving the connection kind it names.</summary>
    public static IServiceCollection AddCrmConnectors(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    private static void AddConnector<TConnector>(IServiceCollection services)
        where TConnector : class, ICrmConnector =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICrmConnector, TConnector>());
}

using AriCrmRouter.Crm.Connectors.Bullhorn;

namespace AriCrmRouter.Crm;

public static class CrmConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Every vendor connector of <see cref="CrmConnectorCatalog.Stored"/> as a singleton <see cref="ICrmConnector"/> (each keeps its credential cache for
    /// the life of the process), serving the connection kind it names, plus the extra HTTP clients some of them
    /// need. The main CRM HTTP client and the options come from
    /// <see cref="CrmServiceCollectionExtensions.AddCrmLookups"/>.
    /// </summary>
    public static IServiceCollection AddCrmConnectors(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VendorClient>();
        foreach (var descriptor in CrmConnectorCatalog.Stored)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(ICrmConnector), descriptor.ConnectorType!));
        }

        services.AddBullhornAuthorizeClient();
        return services;
    }
}

using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Connectors.Bullhorn;
using AriCrmRouter.Crm.Connectors.Dynamics;
using AriCrmRouter.Crm.Connectors.HubSpot;
using AriCrmRouter.Crm.Connectors.Pipedrive;
using AriCrmRouter.Crm.Connectors.Salesforce;
using AriCrmRouter.Crm.Connectors.SugarCrm;
using AriCrmRouter.Crm.Connectors.SuiteCrm;
using AriCrmRouter.Crm.Connectors.Vtiger;
using AriCrmRouter.Crm.Connectors.Zendesk;
using AriCrmRouter.Crm.Connectors.Zoho;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AriCrmRouter.Crm;

public static class CrmConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Every vendor connector as a singleton <see cref="ICrmConnector"/> (each keeps its credential cache for
    /// the life of the process), serving the connection kind it names, plus the extra HTTP clients some of them
    /// need. The main CRM HTTP client and the options come from
    /// <see cref="CrmServiceCollectionExtensions.AddCrmLookups"/>.
    /// </summary>
    public static IServiceCollection AddCrmConnectors(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        AddConnector<ZohoConnector>(services);
        AddConnector<SalesforceConnector>(services);
        AddConnector<HubSpotConnector>(services);
        AddConnector<DynamicsConnector>(services);
        AddConnector<PipedriveConnector>(services);
        AddConnector<SugarCrmConnector>(services);
        AddConnector<SuiteCrmConnector>(services);
        AddConnector<VtigerConnector>(services);
        AddConnector<ZendeskConnector>(services);
        AddConnector<BullhornConnector>(services);
        services.AddBullhornAuthorizeClient();
        return services;
    }

    private static void AddConnector<TConnector>(IServiceCollection services)
        where TConnector : class, ICrmConnector =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICrmConnector, TConnector>());
}

using AriCrmRouter.Crm;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AriCrmRouter.Cli.Simulation;

/// <summary>
/// The router's CRM lookup services for a CLI run: the same HTTP client, retries, breaker and connectors, no
/// cache. CRM options come from the same environment variables the router reads (e.g. <c>Crm__ExtraTrustedCaFile</c>).
/// </summary>
internal static class LookupComposition
{
    public static ServiceProvider Build(ICrmConnectionStore connections, Func<string, string?> environment)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var key in new[] { "ExtraTrustedCaFile", "DefaultRegion", "DefaultLookupTimeout", "AttemptTimeout", "MaxRetries", "MaxResponseBytes" })
        {
            if (environment($"Crm__{key}") is { Length: > 0 } value)
            {
                settings[$"Crm:{key}"] = value;
            }
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICrmAnswerCache, NoAnswerCache>();
        services.AddSingleton<ICrmConnectionSource>(new StoredConnections(connections));
        services.AddCrmLookups(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddCrmConnectors();
        return services.BuildServiceProvider();
    }
}

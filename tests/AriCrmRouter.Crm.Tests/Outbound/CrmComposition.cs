using Microsoft.Extensions.Configuration;

namespace AriCrmRouter.Crm.Tests.Outbound;

/// <summary>The lookup service, the custom CRM client and the ten connectors as the router composes them (shared CRM HTTP client).</summary>
internal static class CrmComposition
{
    public static ServiceProvider Build(string? extraCaFile, params CrmConnection[] connections)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:ExtraTrustedCaFile"] = extraCaFile,
            ["Crm:AllowedPrivateNetworks"] = "127.0.0.0/8,::1/128",
            ["Crm:MaxRetries"] = "0",
            ["Crm:AttemptTimeout"] = "00:00:30", // a loaded machine must not turn a slow answer into a failure
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICrmAnswerCache>(new InMemoryAnswerCache());
        services.AddSingleton<ICrmConnectionStore>(new FixedConnectionSource(connections));
        services.AddCrmLookups(configuration);
        services.AddCrmConnectors();
        return services.BuildServiceProvider(validateScopes: true);
    }
}

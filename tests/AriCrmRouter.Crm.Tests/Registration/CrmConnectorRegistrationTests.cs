using Microsoft.Extensions.Configuration;

namespace AriCrmRouter.Crm.Tests.Registration;

public sealed class CrmConnectorRegistrationTests
{
    [Fact]
    public async Task AddCrmConnectors_WithAddCrmLookups_RegistryServesExactlyTheTenVendorKinds()
    {
        await using var provider = BuildProvider();

        var registry = provider.GetRequiredService<CrmConnectorRegistry>();

        string[] expected = ["bullhorn", "dynamics", "hubspot", "pipedrive", "salesforce", "sugarcrm", "suitecrm", "vtiger", "zendesk", "zoho"];
        Assert.Equal(expected, registry.Kinds);
        Assert.All(expected, kind => Assert.Equal(kind, registry.Get(kind).Kind));
    }

    [Fact]
    public async Task AddCrmConnectors_Connectors_AreSingletons()
    {
        await using var provider = BuildProvider();

        var first = provider.GetServices<ICrmConnector>().ToList();
        var second = provider.GetServices<ICrmConnector>().ToList();

        Assert.Equal(10, first.Count);
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public async Task AddCrmConnectors_CalledTwice_RegistersEachConnectorOnce()
    {
        var services = Services();
        services.AddCrmConnectors();
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        Assert.Equal(10, provider.GetServices<ICrmConnector>().Count());
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(BullhornConnector.AuthorizeClientName);
    }

    [Fact]
    public async Task AddCrmConnectors_BullhornAuthorizeClient_DoesNotFollowRedirectsAndIsTraced()
    {
        await using var server = await FakeHttpServer.StartAsync(app => app.MapGet("/authorize", () => Results.Redirect("/landing?code=abc")));
        await using var provider = BuildProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(BullhornConnector.AuthorizeClientName);

        using var trace = CrmTrace.Begin();

        using var response = await client.GetAsync(new Uri(server.BaseUri, "/authorize?password=pw-value"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/landing?code=abc", response.Headers.Location?.OriginalString);
        var step = Assert.Single(trace.Steps);
        Assert.Contains("/authorize?password=*** -> 302", step, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-value", step, StringComparison.Ordinal);
    }

    private static ServiceProvider BuildProvider() => Services().BuildServiceProvider(validateScopes: true);

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICrmAnswerCache>(new InMemoryAnswerCache());
        services.AddSingleton<ICrmConnectionStore>(new FixedConnectionSource());
        services.AddCrmLookups(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Crm:AllowedPrivateNetworks"] = "127.0.0.0/8", ["Crm:AttemptTimeout"] = "00:00:30" }).Build());
        services.AddCrmConnectors();
        return services;
    }
}

using System.Text.RegularExpressions;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.TestKit.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AriCrmRouter.Crm.Tests.Descriptors;

public sealed partial class CrmConnectorCatalogTests
{
    public static TheoryData<string> StoredKinds() => [.. CrmConnectorCatalog.StoredKinds];

    [Fact]
    public async Task AddCrmConnectors_RegisteredConnectors_AreExactlyTheCatalogsKindsEachWithItsDescriptor()
    {
        await using var provider = Provider();

        var connectors = provider.GetServices<ICrmConnector>().ToList();

        Assert.Equal(CrmConnectorCatalog.StoredKinds.Order(StringComparer.Ordinal), connectors.Select(c => c.Kind).Order(StringComparer.Ordinal));
        Assert.Equal(11, CrmConnectorCatalog.Stored.Append(CrmConnectorCatalog.Custom).Select(d => d.Kind).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(StoredKinds))]
    public async Task Validate_EmptyConnection_NamesOnlyKeysItsDescriptorDeclares(string kind)
    {
        await using var provider = Provider();
        var connector = provider.GetRequiredService<CrmConnectorRegistry>().Get(kind);
        var descriptor = CrmConnectorCatalog.Find(kind)!;

        var problems = connector.Validate(new CrmConnection("c", kind, new Dictionary<string, string>(), new Dictionary<string, string>()));

        Assert.NotEmpty(problems);
        var named = problems.SelectMany(p => QuotedKey().Matches(p).Select(m => (Secret: m.Groups[1].Value == "secret", Name: m.Groups[2].Value)));
        Assert.All(named, key => Assert.True(descriptor.Find(key.Name, key.Secret) is not null, $"{kind}: {(key.Secret ? "secret" : "setting")} '{key.Name}' is not in its descriptor"));
    }

    [Theory]
    [MemberData(nameof(StoredKinds))]
    public void Descriptor_EveryVendor_DeclaresDefaultRegionAndDescribesEveryKeyOnce(string kind)
    {
        var descriptor = CrmConnectorCatalog.Find(kind)!;

        Assert.Contains(ConnectionKey.DefaultRegion, descriptor.Keys);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.DisplayName));
        Assert.All(descriptor.Keys, key => Assert.False(string.IsNullOrWhiteSpace(key.Description), key.Name));
        Assert.Equal(descriptor.Keys.Count, descriptor.Keys.Select(k => (k.Name, k.IsSecret)).Distinct().Count());
    }

    [Fact]
    public void Check_UnknownSetting_NamesTheKeyAndListsWhatTheKindAccepts()
    {
        var problems = CrmConnectorCatalog.Check(Zoho(new() { ["region"] = "eu", ["clientId"] = "1000.ABC" }));

        var problem = Assert.Single(problems);
        Assert.StartsWith("'region' is not a setting of zoho connections", problem, StringComparison.Ordinal);
        Assert.Contains("settings: dataCenter, accountsUrl, apiDomain, apiVersion, clientId*, defaultRegion", problem, StringComparison.Ordinal);
        Assert.Contains("secrets: clientSecret*, refreshToken*", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SecretGivenAsSetting_SaysItIsASecret()
    {
        var problems = CrmConnectorCatalog.Check(Zoho(new() { ["clientId"] = "1000.ABC", ["refreshToken"] = "oops" }));

        Assert.Contains(problems, p => p.StartsWith("'refreshToken' is not a setting of zoho connections ('refreshToken' is a secret)", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MissingRequiredKeys_NamesEachWithItsDescription()
    {
        var problems = CrmConnectorCatalog.Check(new CrmConnection("z", "zoho", new Dictionary<string, string>(), new Dictionary<string, string> { ["clientSecret"] = "s" }));

        Assert.Equal(["setting 'clientId' is missing (OAuth client id (Zoho API console))", "secret 'refreshToken' is missing (OAuth refresh token)"], problems);
    }

    [Fact]
    public void Check_UnknownKind_ListsTheKnownKinds()
    {
        var problem = Assert.Single(CrmConnectorCatalog.Check(new CrmConnection("x", "notacrm", new Dictionary<string, string>(), new Dictionary<string, string>())));

        Assert.Equal("'notacrm' is not a known CRM kind; known kinds: bullhorn, dynamics, hubspot, pipedrive, salesforce, sugarcrm, suitecrm, vtiger, zendesk, zoho (see 'crm kinds')", problem);
    }

    [Fact]
    public void Check_CompleteConnectionAnyCaseKind_HasNoProblems()
    {
        var connection = new CrmConnection(
            "z", "Zoho", new Dictionary<string, string> { ["clientId"] = "1000.ABC", ["dataCenter"] = "eu" }, new Dictionary<string, string> { ["clientSecret"] = "s", ["refreshToken"] = "r" });

        Assert.Empty(CrmConnectorCatalog.Check(connection));
    }

    [Fact]
    public void Custom_Descriptor_AcceptsAnyHeaderAsSecretButOnlyItsSettings()
    {
        var custom = CrmConnectorCatalog.Custom;

        var problems = custom.Check(new Dictionary<string, string> { ["url"] = "https://crm.example", ["timeout"] = "3" }, new Dictionary<string, string> { ["X-Api-Key"] = "k" });

        Assert.Equal("custom", custom.Kind);
        Assert.Equal(["'timeout' is not a setting of custom connections; custom accepts settings: url*, method; secrets: the rule's crm.headers, by header name"], problems);
    }

    private static CrmConnection Zoho(Dictionary<string, string> settings) =>
        new("zoho-eu", "zoho", settings, new Dictionary<string, string> { ["clientSecret"] = "s", ["refreshToken"] = "r" });

    private static ServiceProvider Provider()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICrmAnswerCache>(new InMemoryAnswerCache());
        services.AddSingleton<ICrmConnectionStore>(new FixedConnectionSource());
        services.AddCrmLookups(new ConfigurationBuilder().Build());
        services.AddCrmConnectors();
        return services.BuildServiceProvider(validateScopes: true);
    }

    [GeneratedRegex("(setting|secret)s? '([A-Za-z]+)'")]
    private static partial Regex QuotedKey();
}

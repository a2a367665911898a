using AriCrmRouter.Crm.CustomCrm;

namespace AriCrmRouter.Crm.Tests.Lookup;

public sealed class LookupCacheKeyTests
{
    private static readonly Uri Url = new("https://crm.example.com/lookup");
    private static readonly CallerInput Caller = new("+14155550100", null, "5551000");

    [Fact]
    public async Task For_CustomRulesWithOtherHeaderValues_Differ()
    {
        var a = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-Api-Key"] = "tenant-a" });
        var b = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-Api-Key"] = "tenant-b" });

        Assert.NotEqual(await KeyOfAsync(a), await KeyOfAsync(b));
    }

    [Fact]
    public async Task For_SameHeadersInAnotherOrderOrCase_AreEqual()
    {
        var a = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-Api-Key"] = "k", ["X-Tenant"] = "t" });
        var b = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["x-tenant"] = "t", ["x-api-key"] = "k" });

        Assert.Equal(await KeyOfAsync(a), await KeyOfAsync(b));
    }

    [Fact]
    public async Task For_ValuesThatWouldReadAlikeWhenJoined_Differ()
    {
        var a = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-A"] = "1|x-b|2" });
        var b = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-A"] = "1", ["X-B"] = "2" });

        Assert.NotEqual(await KeyOfAsync(a), await KeyOfAsync(b));
    }

    [Fact]
    public async Task For_CustomKey_HoldsNeitherTheCallerNorTheHeaderValue()
    {
        var rule = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-Api-Key"] = "secret-api-key" });

        var key = await KeyOfAsync(rule);

        Assert.Matches("^[0-9a-f]{64}$", key);
    }

    [Theory]
    [InlineData("baseUrl", "https://us.acme.example", "token", "s3cret")]
    [InlineData("baseUrl", "https://eu.acme.example", "token", "another")]
    public async Task For_IntegrationConnectionWithOtherSettingsOrSecrets_Differs(string setting, string value, string secret, string secretValue)
    {
        var rule = LookupRules.Custom(Url) with { Crm = new IntegrationCrmSource("acme-prod", "Contacts") };
        var original = Connection(new() { ["baseUrl"] = "https://eu.acme.example" }, new() { ["token"] = "s3cret" });
        var edited = Connection(new() { [setting] = value }, new() { [secret] = secretValue });

        Assert.NotEqual(await KeyOfAsync(rule, original), await KeyOfAsync(rule, edited));
        Assert.Equal(await KeyOfAsync(rule, original), await KeyOfAsync(rule, Connection(new() { ["baseUrl"] = "https://eu.acme.example" }, new() { ["token"] = "s3cret" })));
    }

    private static CrmConnection Connection(Dictionary<string, string> settings, Dictionary<string, string> secrets) =>
        new("acme-prod", "acme", settings, secrets);

    private static async Task<string> KeyOfAsync(Rule rule, CrmConnection? connection = null)
    {
        var customCrm = new CustomCrmConnector(new CustomCrmClient(ConnectorSupport.ConnectorTestHost.HttpClientFactory, Options.Create(new CrmOptions())));
        var targets = new CrmTargets(customCrm, new CrmConnectorRegistry([new AcmeConnector()]), new FixedConnectionSource(connection is null ? [] : [connection]));
        var target = await targets.ResolveAsync(rule, CancellationToken.None);
        return LookupCacheKey.For(target, rule.CrmField, Caller);
    }

    private sealed class AcmeConnector : ICrmConnector
    {
        public string Kind => "acme";

        public IReadOnlyList<string> Validate(CrmConnection connection) => [];

        public Task<LookupOutcome> LookupAsync(CrmConnection connection, CrmLookupRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(LookupOutcome.NotFound);
    }
}

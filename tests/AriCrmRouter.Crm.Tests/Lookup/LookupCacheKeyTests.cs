using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Crm.Tests.Lookup;

public sealed class LookupCacheKeyTests
{
    private static readonly Uri Url = new("https://crm.example.com/lookup");
    private static readonly CallerInput Caller = new("+14155550100", null, "5551000");

    [Fact]
    public void For_CustomRulesWithOtherHeaderValues_Differ()
    {
        var a = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-Api-Key"] = "tenant-a" });
        var b = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-Api-Key"] = "tenant-b" });

        Assert.NotEqual(LookupCacheKey.For(a, Caller), LookupCacheKey.For(b, Caller));
    }

    [Fact]
    public void For_SameHeadersInAnotherOrderOrCase_AreEqual()
    {
        var a = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-Api-Key"] = "k", ["X-Tenant"] = "t" });
        var b = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["x-tenant"] = "t", ["x-api-key"] = "k" });

        Assert.Equal(LookupCacheKey.For(a, Caller), LookupCacheKey.For(b, Caller));
    }

    [Fact]
    public void For_ValuesThatWouldReadAlikeWhenJoined_Differ()
    {
        var a = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-A"] = "1|x-b|2" });
        var b = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-A"] = "1", ["X-B"] = "2" });

        Assert.NotEqual(LookupCacheKey.For(a, Caller), LookupCacheKey.For(b, Caller));
    }

    [Fact]
    public void For_CustomKey_HoldsNeitherTheCallerNorTheHeaderValue()
    {
        var rule = LookupRules.Custom(Url, headers: new Dictionary<string, string> { ["X-Api-Key"] = "secret-api-key" });

        var key = LookupCacheKey.For(rule, Caller);

        Assert.Matches("^[0-9a-f]{64}$", key);
    }

    [Theory]
    [InlineData("baseUrl", "https://us.acme.example", "token", "s3cret")]
    [InlineData("baseUrl", "https://eu.acme.example", "token", "another")]
    public void For_IntegrationConnectionWithOtherSettingsOrSecrets_Differs(string setting, string value, string secret, string secretValue)
    {
        var rule = LookupRules.Custom(Url) with { Crm = new IntegrationCrmSource("acme-prod", "Contacts") };
        var original = Connection(new() { ["baseUrl"] = "https://eu.acme.example" }, new() { ["token"] = "s3cret" });
        var edited = Connection(new() { [setting] = value }, new() { [secret] = secretValue });

        Assert.NotEqual(LookupCacheKey.For(rule, Caller, original), LookupCacheKey.For(rule, Caller, edited));
        Assert.Equal(LookupCacheKey.For(rule, Caller, original), LookupCacheKey.For(rule, Caller, Connection(new() { ["baseUrl"] = "https://eu.acme.example" }, new() { ["token"] = "s3cret" })));
    }

    private static CrmConnection Connection(Dictionary<string, string> settings, Dictionary<string, string> secrets) =>
        new("acme-prod", "acme", settings, secrets);
}

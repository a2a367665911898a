namespace AriCrmRouter.Crm.Tests.HubSpot;

public sealed class HubSpotTokenAndRateLimitTests() : ConnectorPage(new ConnectorTestHost<HubSpotConnector>((http, options, time, logger) => new HubSpotConnector(new VendorClient(http, options, time), logger)))
{
    private FakeHubSpot _hubspot = null!;

    public override async Task InitializeAsync()
    {
        _hubspot = await OwnAsync(FakeHubSpot.StartAsync());
        _hubspot.Records.Add(("contacts", new() { ["hs_object_id"] = "512", ["phone"] = "415-555-0100", ["status"] = "GOLD" }));
    }

    [Fact]
    public async Task LookupAsync_OAuthWithoutTokenUrl_RefreshesAtTheV3TokenEndpoint()
    {
        var outcome = await Lookup(OAuth());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Contains(_hubspot.Server.Requests, r => r.Method == "POST" && r.Path == "/oauth/v3/token");
    }

    [Fact]
    public async Task LookupAsync_ConfiguredTokenUrl_RefreshesThere()
    {
        var outcome = await Lookup(OAuth(("tokenUrl", _hubspot.Server.BaseUri + "oauth/v3/token?portal=1")));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Contains(_hubspot.Server.Requests, r => r.Path == "/oauth/v3/token" && r.Query == "?portal=1");
    }

    [Fact]
    public async Task LookupAsync_TenSecondlyLimitWithIntervalHeader_DoesNotTakeTheWindowAsAWait()
    {
        _hubspot.LookupOverride = () => new HeaderResult(
            Results.Json(new { status = "error", message = "You have reached your ten_secondly_rolling limit.", errorType = "RATE_LIMIT", policyName = "TEN_SECONDLY_ROLLING" }, statusCode: 429),
            "X-HubSpot-RateLimit-Interval-Milliseconds",
            "10000");

        var failure = await Assert.ThrowsAsync<CrmLookupException>(() => Lookup(OAuth()));

        Assert.Equal(CrmFailureKind.RateLimited, failure.Kind);
        Assert.Null(failure.RetryAfter);
    }

    private Task<LookupOutcome> Lookup(CrmConnection connection) =>
        Connector.LookupAsync(connection, ConnectorTestHost.ByPhone("contacts", "status", "+14155550100"), CancellationToken.None);

    private CrmConnection OAuth(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["baseUrl"] = _hubspot.Server.BaseUri.ToString(), ["clientId"] = "hs-client" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return ConnectorTestHost.Connection("hubspot", settings, new() { ["clientSecret"] = FakeHubSpot.ClientSecret, ["refreshToken"] = FakeHubSpot.RefreshToken }, name: "hubspot-oauth");
    }
}

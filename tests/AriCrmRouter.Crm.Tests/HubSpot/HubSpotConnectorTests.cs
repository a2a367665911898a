namespace AriCrmRouter.Crm.Tests.HubSpot;

public sealed class HubSpotConnectorTests() : ConnectorPage(new ConnectorTestHost<HubSpotConnector>((http, options, time, logger) => new HubSpotConnector(new VendorClient(http, options, time), logger)))
{
    private FakeHubSpot _hubspot = null!;

    public override async Task InitializeAsync()
    {
        _hubspot = await OwnAsync(FakeHubSpot.StartAsync());
        _hubspot.Records.Add(("contacts", new()
        {
            ["hs_object_id"] = "512",
            ["phone"] = "+44 20 7946 0000",
            ["mobilephone"] = "(415) 555-1212",
            ["status"] = "GOLD",
            ["customer_number"] = "12\")*\\",
            ["tier"] = "gold",
            ["numemployees"] = "250",
            ["hs_email_optout"] = "true",
            ["notes"] = null,
        }));
    }

    [Fact]
    public async Task LookupAsync_CallerStoredInNationalFormat_FindsWithOneInFilterPerPhoneProperty()
    {
        var outcome = await Lookup(PrivateApp(), Status());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var search = Assert.Single(_hubspot.Searches);
        Assert.Equal("/crm/v3/objects/contacts/search", search.Path);
        Assert.Equal("", search.Query);
        Assert.Equal("Bearer " + FakeHubSpot.PrivateAppToken, search.Headers["Authorization"]);
        var groups = FakeHubSpot.Body(search).GetProperty("filterGroups").EnumerateArray().Select(g => Assert.Single(g.GetProperty("filters").EnumerateArray())).ToList();
        Assert.Equal(["phone", "mobilephone"], groups.Select(f => f.GetProperty("propertyName").GetString()));
        Assert.All(groups, f => Assert.Equal("IN", f.GetProperty("operator").GetString()));
        var values = groups[0].GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Equal(["+14155551212", "+1 415-555-1212", "(415) 555-1212"], values.Take(3));
        Assert.Contains("415-555-1212", values);
        Assert.Contains("415.555.1212", values);
        Assert.Contains("+1 (415) 555-1212", values);
        Assert.Contains("1-415-555-1212", values);
    }

    [Fact]
    public async Task LookupAsync_NoRecord_AsksForEverySpellingInOneSearchAndAnswersNotFound()
    {
        var outcome = await Lookup(PrivateApp(), Status("+12125550000"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.Equal(2, FakeHubSpot.Body(Assert.Single(_hubspot.Searches)).GetProperty("filterGroups").GetArrayLength());
    }

    [Fact]
    public async Task LookupAsync_ByDtmfKeyWithQuotesAndParentheses_SendsOneFilterWithTheExactValue()
    {
        const string dtmf = "12\")*\\";

        var outcome = await Lookup(PrivateApp(), ConnectorTestHost.ByKey("contacts", "status", "customer_number", dtmf));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var body = FakeHubSpot.Body(Assert.Single(_hubspot.Searches));
        var filter = Assert.Single(Assert.Single(body.GetProperty("filterGroups").EnumerateArray()).GetProperty("filters").EnumerateArray());
        Assert.Equal("customer_number", filter.GetProperty("propertyName").GetString());
        Assert.Equal("EQ", filter.GetProperty("operator").GetString());
        Assert.Equal(dtmf, filter.GetProperty("value").GetString());
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_StaysOneJsonStringValue()
    {
        const string hostile = "' OR Name!='\"},{\"propertyName\":\"x";

        var outcome = await Lookup(PrivateApp(), Status(hostile));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        var groups = FakeHubSpot.Body(Assert.Single(_hubspot.Searches)).GetProperty("filterGroups");
        Assert.Equal(2, groups.GetArrayLength());
        Assert.All(groups.EnumerateArray(), g => Assert.Equal(hostile, Assert.Single(Assert.Single(g.GetProperty("filters").EnumerateArray()).GetProperty("values").EnumerateArray()).GetString()));
    }

    [Theory]
    [InlineData("numemployees", "false", "250")]
    [InlineData("hs_email_optout", "false", "true")]
    [InlineData("tier", "false", "gold")]
    [InlineData("tier", "true", "Gold customer")]
    public async Task LookupAsync_FieldShapes_RenderedAsTextWithOptionalOptionLabels(string field, string optionLabels, string expected)
    {
        var connection = PrivateApp(("optionLabels", optionLabels));

        Assert.Equal(LookupOutcome.Found(expected), await Lookup(connection, Status() with { Field = field }));
    }

    [Fact]
    public async Task LookupAsync_PrivateAppTokenRejected_ThrowsUnauthorizedWithoutTokenEndpoint()
    {
        _hubspot.RejectEveryToken = true;

        await FailsAsAsync(CrmFailureKind.Unauthorized, PrivateApp(), Status());
        Assert.DoesNotContain(_hubspot.Server.Requests, r => r.Path == "/oauth/v1/token");
    }

    [Fact]
    public async Task LookupAsync_OAuthSecondLookup_ReusesCachedToken()
    {
        await LookupTwiceAsync(OAuth(), Status());

        Assert.Equal(1, _hubspot.TokensIssued);
        Assert.All(_hubspot.Searches, s => Assert.Equal("Bearer CJT-oauth-1", s.Headers["Authorization"]));
    }

    [Fact]
    public async Task LookupAsync_OAuthTokenNearExpiry_RefreshesBeforeUse()
    {
        await LookupTwiceAsync(OAuth(), Status(), TimeSpan.FromMinutes(29.5));

        Assert.Equal(2, _hubspot.TokensIssued);
    }

    [Fact]
    public async Task LookupAsync_OAuthTokenExpiredAtHubSpot_RefreshesOnceAndSucceeds()
    {
        Assert.Equal(LookupOutcome.Found("GOLD"), await LookupTwiceAsync(OAuth(), Status(), _hubspot.ExpireIssuedTokens));
        Assert.Equal(2, _hubspot.TokensIssued);
    }

    [Fact]
    public async Task LookupAsync_OAuthRefreshRefused_ThrowsUnauthorized()
    {
        _hubspot.RefuseRefresh = true;

        var failure = await FailsAsAsync(CrmFailureKind.Unauthorized, OAuth(), Status());

        Assert.DoesNotContain(FakeHubSpot.RefreshToken, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_SecondlyLimit_ThrowsRateLimitedWithOneSecondRetry()
    {
        _hubspot.LookupOverride = () => Results.Json(
            new { status = "error", message = "You have reached your secondly limit.", errorType = "RATE_LIMIT", correlationId = "c0ffee", policyName = "SECONDLY" },
            statusCode: 429);

        var failure = await FailsAsAsync(CrmFailureKind.RateLimited, PrivateApp(), Status());

        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
    }

    [Fact]
    public async Task LookupAsync_OAuth_NeverPutsSecretsInUrls()
    {
        await Lookup(OAuth(), Status());

        Assert.All(_hubspot.Server.Requests, r =>
        {
            foreach (var secret in new[] { FakeHubSpot.ClientSecret, FakeHubSpot.RefreshToken, "CJT-oauth" })
            {
                Assert.DoesNotContain(secret, r.Path + r.Query, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void Validate_NoCredentials_NamesBothWays()
    {
        var problems = Connector.Validate(ConnectorTestHost.Connection("hubspot", new() { ["phoneProperties"] = "phone,mobile phone" }, []));

        Assert.Contains(problems, p => p.Contains("'accessToken'", StringComparison.Ordinal) && p.Contains("'refreshToken'", StringComparison.Ordinal));
        AssertNamesEach(problems, "phoneProperties");
    }

    private static CrmLookupRequest Status(string caller = "+14155551212") => ConnectorTestHost.ByPhone("contacts", "status", caller);

    private CrmConnection PrivateApp(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["baseUrl"] = _hubspot.Server.BaseUri.ToString() };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return ConnectorTestHost.Connection("hubspot", settings, new() { ["accessToken"] = FakeHubSpot.PrivateAppToken });
    }

    private CrmConnection OAuth() => ConnectorTestHost.Connection(
        "hubspot",
        new() { ["baseUrl"] = _hubspot.Server.BaseUri.ToString(), ["clientId"] = "hs-client" },
        new() { ["clientSecret"] = FakeHubSpot.ClientSecret, ["refreshToken"] = FakeHubSpot.RefreshToken },
        name: "hubspot-oauth");
}

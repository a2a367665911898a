namespace AriCrmRouter.Crm.Tests.Bullhorn;

public sealed class BullhornConnectorTests() : ConnectorPage(new ConnectorTestHost<BullhornConnector>((http, options, time, logger) => new BullhornConnector(new VendorClient(http, options, time), logger), services => services.AddBullhornAuthorizeClient()))
{
    private BullhornFake _fake = null!;

    public override async Task InitializeAsync()
    {
        _fake = await OwnAsync(BullhornFake.StartAsync());
        _fake.Records.Add(JsonNode.Parse("""{"id":123,"phone":"(415) 555-1212","mobile":"","customText1":"GOLD","customText2":"12345","customInt1":42}""")!.AsObject());
        _fake.Records.Add(JsonNode.Parse("""{"id":124,"phone":"","mobile":"+442079460000","customText1":null,"customText2":"777","customInt1":null}""")!.AsObject());
    }

    private CrmConnection Connection(string password = BullhornFake.Password, Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string> { ["url"] = _fake.Url.ToString(), ["username"] = BullhornFake.User, ["clientId"] = BullhornFake.ClientId };
        return new CrmConnection("bh", "bullhorn", settings.With(extra ?? []), new Dictionary<string, string> { ["password"] = password, ["clientSecret"] = BullhornFake.ClientSecret });
    }

    private static CrmLookupRequest ByPhone(string caller = "+1 415 555 1212", string field = "customText1") => ConnectorTestHost.ByPhone("ClientContact", field, caller);

    private static CrmLookupRequest ByKey(string dtmf) => ConnectorTestHost.ByKey("ClientContact", "customText1", "customText2", dtmf, callerNumber: "");

    [Fact]
    public async Task LookupAsync_CallerNumberMatchesPhone_ReturnsFieldValue()
    {
        var outcome = await Lookup(Connection(), ByPhone());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var search = _fake.Lookups.Last();
        Assert.Equal("/west/rest-services/corp1/search/ClientContact", search.Path);
        Assert.EndsWith("&fields=id,customText1&count=1", search.Query, StringComparison.Ordinal);
        Assert.StartsWith("phone:(\"\\+14155551212\" OR \"\\+1 415\\-555\\-1212\" OR \"\\(415\\) 555\\-1212\" OR ", _fake.LastCriteria("query"), StringComparison.Ordinal);
        Assert.Contains(") OR mobile:(\"\\+14155551212\" OR ", _fake.LastCriteria("query"), StringComparison.Ordinal);
        Assert.Contains(" OR \"4155551212\" OR ", _fake.LastCriteria("query"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_NumericField_ReturnsInvariantText()
    {
        Assert.Equal(LookupOutcome.Found("42"), await Lookup(Connection(), ByPhone(field: "customInt1")));
    }

    [Fact]
    public async Task LookupAsync_DtmfMatchesKeyField_SearchesQuotedTerm()
    {
        Assert.Equal(LookupOutcome.Found("GOLD"), await Lookup(Connection(), ByKey("12345")));
        Assert.Equal("customText2:\"12345\"", _fake.LastCriteria("query"));
    }

    [Fact]
    public async Task LookupAsync_QueryMode_UsesWhereClause()
    {
        var outcome = await Lookup(Connection(extra: new() { ["lookupMode"] = "query" }), ByKey("12345"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal("/west/rest-services/corp1/query/ClientContact", _fake.Lookups.Last().Path);
        Assert.Equal("customText2='12345'", _fake.LastCriteria("where"));
    }

    [Fact]
    public async Task LookupAsync_FirstLookup_FollowsDataCentreRedirectAndKeepsCodeFromRedirect()
    {
        await Lookup(Connection(), ByKey("12345"));

        Assert.Equal(
            ["/rest-services/loginInfo", "/west/rest-services/loginInfo", "/west/oauth/authorize", "/west/oauth/token", "/west/rest-services/login", "/west/rest-services/corp1/search/ClientContact"],
            _fake.Server.Requests.Select(r => r.Path));
        var token = Assert.Single(_fake.Requests("/oauth/token"));
        Assert.Contains("code=22%3Acode%2F", token.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_AccessTokenAboutToExpire_RenewsWithRefreshTokenAndLogsInAgain()
    {
        await Lookup(Connection(), ByKey("12345"));
        Clock.Advance(TimeSpan.FromMinutes(9.5));

        Assert.Equal(LookupOutcome.Found("GOLD"), await Lookup(Connection(), ByKey("12345")));

        Assert.Single(_fake.Requests("/oauth/authorize"));
        Assert.Equal(["authorization_code", "refresh_token"], _fake.Requests("/oauth/token").Select(r => r.Body.Contains("grant_type=refresh_token", StringComparison.Ordinal) ? "refresh_token" : "authorization_code"));
        Assert.Equal(2, _fake.Requests("/rest-services/login").Count());
    }

    [Fact]
    public async Task LookupAsync_WrongPassword_ThrowsUnauthorizedWithoutSecrets()
    {
        var error = await FailsAsAsync(CrmFailureKind.Unauthorized, Connection("wrong-password"), ByKey("1"));

        Assert.DoesNotContain("wrong-password", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Requests("/oauth/token"));
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_EscapesLuceneSpecials()
    {
        await Lookup(Connection(), ByPhone("' OR 1=1 --"));

        Assert.Equal("phone:(\"11\" OR \"' OR 1=1 \\-\\-\") OR mobile:(\"11\" OR \"' OR 1=1 \\-\\-\")", _fake.LastCriteria("query"));
    }

    [Fact]
    public async Task LookupAsync_HostileDtmf_StaysOneLucenePhrase()
    {
        var outcome = await Lookup(Connection(), ByKey("1\") OR id:[* TO *] && \\"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.Equal("customText2:\"1\\\"\\) OR id\\:\\[\\* TO \\*\\] \\&\\& \\\\\"", _fake.LastCriteria("query"));
    }

    [Fact]
    public async Task LookupAsync_HostileDtmfInQueryMode_IsOneWhereLiteral()
    {
        await Lookup(Connection(extra: new() { ["lookupMode"] = "query" }), ByKey("1' OR id>0 OR customText2='"));

        Assert.Equal("customText2='1'' OR id>0 OR customText2='''", _fake.LastCriteria("where"));
    }

    [Fact]
    public async Task LookupAsync_AuthorizeMethodPost_KeepsPasswordSecretAndRestTokenOutOfUrls()
    {
        await Lookup(Connection(extra: new() { ["authorizeMethod"] = "post" }), ByKey("12345"));

        Assert.All(_fake.Server.Requests, r =>
        {
            Assert.DoesNotContain(Uri.EscapeDataString(BullhornFake.Password), r.Query, StringComparison.Ordinal);
            Assert.DoesNotContain(BullhornFake.ClientSecret, r.Query, StringComparison.Ordinal);
            Assert.DoesNotContain("bh", r.Query.Replace("BhRest", "", StringComparison.Ordinal), StringComparison.Ordinal);
        });
        Assert.Empty(_fake.Requests("/callback"));
        Assert.Equal("POST", Assert.Single(_fake.Requests("/oauth/authorize")).Method);
        Assert.Equal("bh4", _fake.Lookups.Single().Headers["BhRestToken"]);
    }

    [Fact]
    public void Validate_MissingSettingsAndSecrets_NamesEachOne()
    {
        var problems = Connector.Validate(new CrmConnection("bad", "bullhorn", new Dictionary<string, string> { ["lookupMode"] = "sql" }, new Dictionary<string, string>()));

        Assert.Equal(5, problems.Count);
        AssertNamesEach(problems, "username", "clientId", "password", "clientSecret", "lookupMode");
    }

    [Fact]
    public async Task LookupAsync_ClientThatFollowsRedirects_StillReadsTheCodeFromTheFinalUrl()
    {
        using var host = new ConnectorTestHost<BullhornConnector>((http, options, time, logger) => new BullhornConnector(new VendorClient(http, options, time), logger));

        var outcome = await host.Connector.LookupAsync(Connection(), ByKey("12345"), CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Single(_fake.Requests("/callback"));
    }

    [Fact]
    public void SettingsToString_AnyConnection_HidesSecrets()
    {
        var text = BullhornSettings.FromUsable(Connection()).ToString();

        Assert.DoesNotContain(BullhornFake.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(BullhornFake.ClientSecret, text, StringComparison.Ordinal);
    }
}

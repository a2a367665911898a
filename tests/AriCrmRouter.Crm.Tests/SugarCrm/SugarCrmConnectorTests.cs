namespace AriCrmRouter.Crm.Tests.SugarCrm;

public sealed class SugarCrmConnectorTests() : ConnectorPage(new ConnectorTestHost<SugarCrmConnector>((http, options, time, logger) => new SugarCrmConnector(new VendorClient(http, options, time), logger)))
{
    private SugarCrmFake _fake = null!;

    public override async Task InitializeAsync()
    {
        _fake = await OwnAsync(SugarCrmFake.StartAsync());
        _fake.Records.Add(new() { ["id"] = "c1", ["phone_work"] = "+14155551212", ["phone_mobile"] = "", ["status_c"] = "GOLD", ["account_no_c"] = "12345", ["score_c"] = 42.5m });
        _fake.Records.Add(new() { ["id"] = "c2", ["phone_work"] = "", ["phone_mobile"] = "(415) 555-0000", ["status_c"] = null, ["account_no_c"] = "777" });
    }

    private CrmConnection Connection(Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["url"] = _fake.Url.ToString(),
            ["apiVersion"] = "v11_24",
            ["username"] = SugarCrmFake.User,
            ["platform"] = SugarCrmFake.Platform,
        };
        return new CrmConnection("sugar-test", "sugarcrm", settings.With(extra ?? []), new Dictionary<string, string> { ["password"] = SugarCrmFake.Password });
    }

    private static CrmLookupRequest ByPhone(string caller = "+1 415 555 1212", string field = "status_c") => ConnectorTestHost.ByPhone("Contacts", field, caller);

    private static CrmLookupRequest ByKey(string dtmf) => ConnectorTestHost.ByKey("Contacts", "status_c", "account_no_c", dtmf, callerNumber: "anonymous");

    [Fact]
    public async Task LookupAsync_CallerNumberMatchesPhoneField_ReturnsFieldValue()
    {
        var outcome = await Lookup(Connection(), ByPhone("4155551212"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var filter = Assert.Single(_fake.Server.Requests, r => r.Path == "/rest/v11_24/Contacts/filter");
        Assert.Equal("POST", filter.Method);
        var body = JsonNode.Parse(filter.Body)!;
        Assert.Equal("id,status_c", (string?)body["fields"]);
        Assert.Equal(1, (int)body["max_num"]!);
        Assert.Equal("access-1", filter.Headers["OAuth-Token"]);
    }

    [Fact]
    public async Task LookupAsync_NumericField_ReturnsInvariantText()
    {
        var outcome = await Lookup(Connection(), ByPhone(field: "score_c"));

        Assert.Equal(LookupOutcome.Found("42.5"), outcome);
    }

    [Fact]
    public async Task LookupAsync_DtmfMatchesKeyField_ReturnsFieldValue()
    {
        var outcome = await Lookup(Connection(), ByKey("12345"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
    }

    [Fact]
    public async Task LookupAsync_TokenAboutToExpire_RenewsWithRefreshTokenFirst()
    {
        await Lookup(Connection(), ByPhone());
        Clock.Advance(TimeSpan.FromMinutes(59.5));

        var outcome = await Lookup(Connection(), ByPhone());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var grants = _fake.TokenRequests.Select(r => (string?)JsonNode.Parse(r.Body)!["grant_type"]).ToList();
        Assert.Equal(["password", "refresh_token"], grants);
    }

    [Fact]
    public async Task LookupAsync_WrongPassword_ThrowsUnauthorizedWithoutSecret()
    {
        var connection = Connection() with { Secrets = new Dictionary<string, string> { ["password"] = "wrong-pass" } };

        var error = await FailsAsAsync(CrmFailureKind.Unauthorized, connection, ByPhone());

        Assert.DoesNotContain("wrong-pass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_HostileDtmf_IsSentAsOneJsonStringValue()
    {
        const string hostile = "1\"}],\"$or\":[{\"id\":{\"$not_null\":1}}]) *";

        var outcome = await Lookup(Connection(), ByKey(hostile));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        var body = JsonNode.Parse(Assert.Single(_fake.Server.Requests, r => r.Path.EndsWith("/filter", StringComparison.Ordinal)).Body)!;
        var clause = Assert.Single(body["filter"]![0]!["$or"]!.AsArray());
        Assert.Equal(hostile, (string?)clause!["account_no_c"]!["$equals"]);
        Assert.Single(body["filter"]!.AsArray());
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_IsSentAsJsonStringValues()
    {
        const string hostile = "' OR 1=1 --";

        await Lookup(Connection(), ByPhone(hostile));

        var body = JsonNode.Parse(Assert.Single(_fake.Server.Requests, r => r.Path.EndsWith("/filter", StringComparison.Ordinal)).Body)!;
        var values = body["filter"]![0]!["$or"]!.AsArray().Select(c => (string?)c!.AsObject().Single().Value!["$equals"]).ToList();
        Assert.Contains(hostile, values);
        Assert.All(body["filter"]![0]!["$or"]!.AsArray(), c => Assert.Contains(c!.AsObject().Single().Key, new[] { "phone_work", "phone_mobile", "phone_home", "phone_other" }));
    }

    [Fact]
    public async Task LookupAsync_ModuleWithoutKnownPhoneFields_UsesConfiguredPhoneFields()
    {
        var request = ByPhone() with { Module = "Contacts" };

        var outcome = await Lookup(Connection(new() { ["phoneFields"] = "phone_mobile" }), request);

        Assert.Equal(LookupOutcome.NotFound, outcome);
        var body = JsonNode.Parse(_fake.Server.Requests[^1].Body)!;
        Assert.All(body["filter"]![0]!["$or"]!.AsArray(), c => Assert.Equal("phone_mobile", c!.AsObject().Single().Key));
    }

    [Fact]
    public void Validate_MissingSettingsAndSecrets_NamesEachOne()
    {
        var problems = Connector.Validate(new CrmConnection("bad", "sugarcrm", new Dictionary<string, string> { ["url"] = "http://crm.example.com" }, new Dictionary<string, string>()));

        Assert.Contains(problems, p => p.Contains("'url' must be an https URL", StringComparison.Ordinal));
        AssertNamesEach(problems, "username", "platform", "password");
    }

    [Fact]
    public async Task LookupAsync_FieldNameWithQuote_ThrowsConfiguration()
    {
        await FailsAsAsync(CrmFailureKind.Configuration, Connection(), ByPhone(field: "status_c\""));
        Assert.Empty(_fake.Server.Requests);
    }

    [Fact]
    public void SettingsToString_AnyConnection_HidesSecrets()
    {
        var text = SugarCrmSettings.FromUsable(Connection()).ToString();

        Assert.DoesNotContain(SugarCrmFake.Password, text, StringComparison.Ordinal);
    }
}

namespace AriCrmRouter.Crm.Tests.SuiteCrm;

public sealed class SuiteCrmJsonApiConnectorTests() : ConnectorPage(new ConnectorTestHost<SuiteCrmConnector>((http, options, time, logger) => new SuiteCrmConnector(new VendorClient(http, options, time), logger)))
{
    private SuiteCrmFake _fake = null!;

    public override async Task InitializeAsync()
    {
        _fake = await OwnAsync(SuiteCrmFake.StartAsync());
        _fake.Records.Add(new() { ["id"] = "c1", ["phone_mobile"] = "4155551212", ["status_c"] = "GOLD", ["account_no_c"] = "12345" });
    }

    private CrmConnection Connection(string secret = SuiteCrmFake.ClientSecret, string? prefix = null)
    {
        var settings = new Dictionary<string, string> { ["url"] = _fake.Url.ToString(), ["api"] = "v8", ["clientId"] = SuiteCrmFake.ClientId };
        if (prefix is not null)
        {
            settings["apiPathPrefix"] = prefix;
        }

        return new CrmConnection("suite8", "suitecrm", settings, new Dictionary<string, string> { ["clientSecret"] = secret });
    }

    private static CrmLookupRequest ByPhone(string caller = "+1 415 555 1212") => ConnectorTestHost.ByPhone("Contacts", "status_c", caller);

    private static CrmLookupRequest ByKey(string dtmf) => ConnectorTestHost.ByKey("Contacts", "status_c", "account_no_c", dtmf, callerNumber: "");

    [Fact]
    public async Task LookupAsync_CallerNumberMatchesPhoneField_ReturnsFieldValue()
    {
        var outcome = await Lookup(Connection(), ByPhone());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var last = _fake.Lookups.Last();
        Assert.Equal("/legacy/Api/V8/module/Contacts", last.Path);
        Assert.Equal("application/vnd.api+json", last.Headers["Accept"]);
        Assert.Equal("Bearer jwt-1", last.Headers["Authorization"]);
        Assert.Equal("?fields[Contacts]=status_c&filter[operator]=or&filter[phone_work][eq]=4155551212&filter[phone_mobile][eq]=4155551212&filter[phone_home][eq]=4155551212&filter[phone_other][eq]=4155551212&page[size]=1", last.Query);
    }

    [Fact]
    public async Task LookupAsync_DtmfMatchesKeyField_ReturnsFieldValue()
    {
        var outcome = await Lookup(Connection(), ByKey("12345"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal("?fields[Contacts]=status_c&filter[account_no_c][eq]=12345&page[size]=1", Assert.Single(_fake.Lookups).Query);
    }

    [Fact]
    public async Task LookupAsync_NoMatchingRecord_TriesEachFormThenReturnsNotFound()
    {
        var outcome = await Lookup(Connection(), ByPhone("+1 212 555 0100"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.Equal(Phone.PhoneNumberForms.Parse("+1 212 555 0100", "US").All.Count, _fake.Lookups.Count());
    }

    [Fact]
    public async Task LookupAsync_TokenAboutToExpire_RequestsNewTokenFirst()
    {
        await LookupTwiceAsync(Connection(), ByKey("12345"), TimeSpan.FromMinutes(59.5));

        Assert.Equal(2, _fake.Logins.Count());
        Assert.Equal(2, _fake.Lookups.Count());
    }

    [Fact]
    public async Task LookupAsync_WrongClientSecret_ThrowsUnauthorized()
    {
        await FailsAsAsync(CrmFailureKind.Unauthorized, Connection("nope"), ByKey("1"));
    }

    [Fact]
    public async Task LookupAsync_HostileDtmf_IsOnePercentEncodedFilterValue()
    {
        const string hostile = "1&filter[id][neq]=x\")*";

        await Lookup(Connection(), ByKey(hostile));

        Assert.Equal("?fields[Contacts]=status_c&filter[account_no_c][eq]=1%26filter%5Bid%5D%5Bneq%5D%3Dx%22%29%2A&page[size]=1", Assert.Single(_fake.Lookups).Query);
    }

    [Fact]
    public async Task LookupAsync_EmptyPathPrefix_CallsApiAtTheRoot()
    {
        var outcome = await Lookup(Connection(prefix: "/"), ByKey("12345"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal(["/Api/access_token", "/Api/V8/module/Contacts"], _fake.Server.Requests.Select(r => r.Path));
    }

    [Fact]
    public void Validate_JsonApiWithoutClient_NamesClientIdAndSecret()
    {
        var problems = Connector.Validate(new CrmConnection("bad", "suitecrm", new Dictionary<string, string> { ["url"] = "https://crm.example.com", ["api"] = "v8" }, new Dictionary<string, string>()));

        Assert.Equal(2, problems.Count);
        AssertNamesEach(problems, "clientId", "clientSecret");
    }
}

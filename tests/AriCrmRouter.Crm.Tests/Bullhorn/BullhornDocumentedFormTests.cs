namespace AriCrmRouter.Crm.Tests.Bullhorn;

/// <summary>Bullhorn's documented request forms (authorize with query parameters, login by GET), phone fields and 429.</summary>
public sealed class BullhornDocumentedFormTests() : ConnectorPage(new ConnectorTestHost<BullhornConnector>((http, options, time, logger) => new BullhornConnector(new VendorClient(http, options, time), logger), services => services.AddBullhornAuthorizeClient()))
{
    private BullhornFake _fake = null!;

    public override async Task InitializeAsync()
    {
        _fake = await OwnAsync(BullhornFake.StartAsync());
        _fake.Records.Add(JsonNode.Parse("""{"id":123,"phone":"","mobile":"","workPhone":"","phone2":"","phone3":"","customText1":"GOLD","customText2":"12345"}""")!.AsObject());
    }

    [Fact]
    public async Task LookupAsync_DefaultSettings_AuthorizesWithQueryParametersAndLogsInByGet()
    {
        var outcome = await Lookup(Connection(), ByKey());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var authorize = Assert.Single(_fake.Requests("/oauth/authorize"));
        Assert.Equal("GET", authorize.Method);
        Assert.Contains("action=Login", authorize.Query, StringComparison.Ordinal);
        Assert.Equal("GET", Assert.Single(_fake.Requests("/rest-services/login")).Method);
        Assert.Empty(_fake.Requests("/callback"));
    }

    [Fact]
    public async Task LookupAsync_PostOptions_AuthorizesWithAFormAndLogsInByPost()
    {
        var outcome = await Lookup(Connection(("authorizeMethod", "post"), ("loginMethod", "post")), ByKey());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal("POST", Assert.Single(_fake.Requests("/oauth/authorize")).Method);
        Assert.Equal("POST", Assert.Single(_fake.Requests("/rest-services/login")).Method);
    }

    [Theory]
    [InlineData("workPhone")]
    [InlineData("phone2")]
    [InlineData("phone3")]
    public async Task LookupAsync_CandidateNumberInAnotherStandardPhoneField_FindsTheRecord(string phoneField)
    {
        _fake.Records[0][phoneField] = "(415) 555-0100";

        var outcome = await Lookup(Connection(), new CrmLookupRequest { Module = "Candidate", Field = "customText1", CallerNumber = "+14155550100" });

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
    }

    [Fact]
    public async Task LookupAsync_TooManyConcurrentRequests_IsRateLimitedForOneSecond()
    {
        _fake.LookupOverride = () => Results.Json(new { errorMessage = "Too many concurrent requests", errorCode = 429 }, statusCode: StatusCodes.Status429TooManyRequests);

        var failure = await FailsAsAsync(CrmFailureKind.RateLimited, Connection(), ByKey());

        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
    }

    private static CrmLookupRequest ByKey() =>
        new() { Module = "ClientContact", Field = "customText1", KeyField = "customText2", Dtmf = "12345", CallerNumber = "" };

    private CrmConnection Connection(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["url"] = _fake.Url.ToString(), ["username"] = BullhornFake.User, ["clientId"] = BullhornFake.ClientId };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new CrmConnection("bh", "bullhorn", settings, new Dictionary<string, string> { ["password"] = BullhornFake.Password, ["clientSecret"] = BullhornFake.ClientSecret });
    }
}

namespace AriCrmRouter.Crm.Tests.Zoho;

public sealed class ZohoConnectorTests() : ConnectorPage(new ConnectorTestHost<ZohoConnector>((http, options, time, logger) => new ZohoConnector(new VendorClient(http, options, time), logger)))
{
    private FakeZoho _zoho = null!;

    public override async Task InitializeAsync()
    {
        _zoho = await OwnAsync(FakeZoho.StartAsync());
        _zoho.Add("Contacts", ["+14155551212", "(415) 555-1212"], new JsonObject
        {
            ["id"] = "3477061000000419001",
            ["Status"] = "GOLD",
            ["Account_Number"] = "12)*",
            ["Account_Name"] = new JsonObject { ["name"] = "Acme Ltd", ["id"] = "3477061000000419002" },
            ["Annual_Revenue"] = 125000.5,
            ["Email_Opt_Out"] = true,
            ["Description"] = null,
        });
    }

    [Fact]
    public async Task LookupAsync_CallerStoredInE164_FindsFieldValue()
    {
        var outcome = await Lookup(Connection(), ByPhone("+14155551212", "Status"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var search = Assert.Single(_zoho.Searches);
        Assert.Equal("/crm/v8/Contacts/search", search.Path);
        Assert.Equal("?phone=%2B14155551212&fields=Status&per_page=1", search.Query);
        Assert.Equal("Zoho-oauthtoken 1000.access-1", search.Headers["Authorization"]);
    }

    [Fact]
    public async Task LookupAsync_CallerStoredInNationalFormat_TriesFormsUntilFoundWithTheTextUnescaped()
    {
        _zoho.Phones[_zoho.Records["Contacts"][0]] = ["(415) 555-1212"];

        var outcome = await Lookup(Connection(), ByPhone("4155551212", "Status"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal(
            ["?phone=%2B14155551212", "?phone=%2B1%20415-555-1212", "?phone=%28415%29%20555-1212"],
            _zoho.Searches.Select(s => s.Query.Split('&')[0]).ToArray());
    }

    [Fact]
    public async Task LookupAsync_ByDtmfKeyWithHostileCharacters_EscapesCriteriaAndFinds()
    {
        var outcome = await Lookup(Connection(), ConnectorTestHost.ByKey("Contacts", "Status", "Account_Number", "12)*"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal("?criteria=%28Account_Number%3Aequals%3A12%5C%29%2A%29&fields=Status&per_page=1", Assert.Single(_zoho.Searches).Query);
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_IsSentAsOneUrlEncodedPhoneValue()
    {
        var outcome = await Lookup(Connection(), ByPhone("' OR Name!='),(x", "Status"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.Equal("?phone=%27%20OR%20Name%21%3D%27%29%2C%28x&fields=Status&per_page=1", Assert.Single(_zoho.Searches).Query);
    }

    [Theory]
    [InlineData("Account_Name", "Acme Ltd")]
    [InlineData("Annual_Revenue", "125000.5")]
    [InlineData("Email_Opt_Out", "true")]
    public async Task LookupAsync_FieldShapes_RenderedAsInvariantText(string field, string expected)
    {
        Assert.Equal(LookupOutcome.Found(expected), await Lookup(Connection(), ByPhone("+14155551212", field)));
    }

    [Fact]
    public async Task LookupAsync_ConnectionEditedUnderSameName_DoesNotReuseOldToken()
    {
        await Lookup(Connection(), ByPhone("+14155551212", "Status"));
        var edited = Connection() with { Settings = new Dictionary<string, string>(Connection().Settings) { ["apiVersion"] = "v8" } };

        await Lookup(edited, ConnectorTestHost.ByPhone("Contacts", "Status", "+14155551212"));

        Assert.Equal(2, _zoho.TokensIssued);
    }

    [Fact]
    public async Task LookupAsync_TokenAboutToExpire_RefreshesBeforeUse()
    {
        await Lookup(Connection(), ByPhone("+14155551212", "Status"));
        Clock.Advance(TimeSpan.FromMinutes(59.5));

        await Lookup(Connection(), ByPhone("+14155551212", "Status"));

        Assert.Equal(2, _zoho.TokensIssued);
        Assert.Equal("Zoho-oauthtoken 1000.access-2", _zoho.Searches.Last().Headers["Authorization"]);
    }

    [Fact]
    public async Task LookupAsync_RefreshTokenRevoked_ThrowsUnauthorizedWithoutSecretInMessage()
    {
        _zoho.RefuseRefresh = true;

        var failure = await FailsAsAsync(CrmFailureKind.Unauthorized, Connection(), ByPhone("+14155551212", "Status"));

        Assert.Contains("invalid_code", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeZoho.RefreshToken, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeZoho.ClientSecret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_TokenRequest_SendsTheClientSecretInTheFormBody()
    {
        await Lookup(Connection(), ByPhone("+14155551212", "Status"));

        var token = Assert.Single(_zoho.Server.Requests, r => r.Path == "/oauth/v2/token");
        Assert.Contains("client_secret=" + FakeZoho.ClientSecret, token.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_FieldNameWithCriteriaSyntax_ThrowsConfigurationWithoutCallingZoho()
    {
        var request = ConnectorTestHost.ByKey("Contacts", "Status", "Account_Number:equals:1)or(Id", "1");

        await FailsAsAsync(CrmFailureKind.Configuration, Connection(), request);
        Assert.Empty(_zoho.Server.Requests);
    }

    [Fact]
    public void Validate_MissingSecretsAndBadDataCenter_ListsEachByName()
    {
        var connection = ConnectorTestHost.Connection("zoho", new() { ["dataCenter"] = "mars", ["apiDomain"] = "http://crm.example.com" }, []);

        var problems = Connector.Validate(connection);

        AssertNamesEach(problems, "dataCenter", "apiDomain", "clientId", "clientSecret", "refreshToken");
    }

    [Fact]
    public void Validate_DataCenterOnly_IsUsable()
    {
        var connection = ConnectorTestHost.Connection(
            "zoho",
            new() { ["dataCenter"] = "eu", ["clientId"] = "1000.CLIENTID" },
            new() { ["clientSecret"] = "s", ["refreshToken"] = "r" });

        Assert.Empty(Connector.Validate(connection));
    }

    private static CrmLookupRequest ByPhone(string callerNumber, string field) => ConnectorTestHost.ByPhone("Contacts", field, callerNumber);

    private CrmConnection Connection() => ConnectorTestHost.Connection(
        "zoho",
        new()
        {
            ["accountsUrl"] = _zoho.Server.BaseUri.ToString(),
            ["clientId"] = "1000.CLIENTID",
        },
        new() { ["clientSecret"] = FakeZoho.ClientSecret, ["refreshToken"] = FakeZoho.RefreshToken });
}

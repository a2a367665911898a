namespace AriCrmRouter.Crm.Tests.Salesforce;

public sealed class SalesforceConnectorTests() : ConnectorPage(new ConnectorTestHost<SalesforceConnector>((http, options, time, logger) => new SalesforceConnector(new VendorClient(http, options, time), logger)))
{
    private FakeSalesforce _salesforce = null!;

    public override async Task InitializeAsync()
    {
        _salesforce = await OwnAsync(FakeSalesforce.StartAsync());
        _salesforce.Records.Add(("Contact", ["(415) 555-1212"], new JsonObject
        {
            ["Id"] = "003xx000004TmiQAAS",
            ["Status__c"] = "GOLD",
            ["Customer_Number__c"] = "12')*",
            ["Account"] = new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Account" }, ["Name"] = "Acme Ltd" },
            ["NumberOfEmployees"] = 250,
            ["DoNotCall"] = false,
            ["Description"] = null,
        }));
    }

    [Fact]
    public async Task LookupAsync_CallerNumber_FindsWithSoslOverDigitForms()
    {
        var outcome = await Lookup(Connection(), ByPhone("+1 415 555 1212", "Status__c"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var search = Assert.Single(_salesforce.DataRequests);
        Assert.Equal("/services/data/v62.0/search/", search.Path);
        Assert.Equal(
            "?q=" + Uri.EscapeDataString("FIND {\"14155551212\" OR \"4155551212\" OR \"0014155551212\"} IN PHONE FIELDS RETURNING Contact(Id,Status__c) LIMIT 1"),
            search.Query);
        Assert.Equal("Bearer 00D-session-1", search.Headers["Authorization"]);
    }

    [Fact]
    public async Task LookupAsync_ByDtmfKeyWithQuoteAndStar_EscapesSoqlLiteralAndFinds()
    {
        var outcome = await Lookup(Connection(), ConnectorTestHost.ByKey("Contact", "Status__c", "Customer_Number__c", "12')*"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var query = Assert.Single(_salesforce.DataRequests);
        Assert.Equal("/services/data/v62.0/query/", query.Path);
        Assert.Equal("?q=" + Uri.EscapeDataString("SELECT Id,Status__c FROM Contact WHERE Customer_Number__c = '12\\')*' LIMIT 1"), query.Query);
    }

    [Fact]
    public async Task LookupAsync_HostileDtmfBreakingOutOfLiteral_StaysOneLiteral()
    {
        var outcome = await Lookup(
            Connection(), ConnectorTestHost.ByKey("Contact", "Status__c", "Customer_Number__c", "x\\' OR Name != '"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.Equal(
            "?q=" + Uri.EscapeDataString("SELECT Id,Status__c FROM Contact WHERE Customer_Number__c = 'x\\\\\\' OR Name != \\'' LIMIT 1"),
            Assert.Single(_salesforce.DataRequests).Query);
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_EscapesSoslReservedCharacters()
    {
        var outcome = await Lookup(Connection(), ByPhone("' OR Name!='} RETURNING User(Id)", "Status__c"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.Equal(
            "?q=" + Uri.EscapeDataString("FIND {\"\\' OR Name\\!=\\'\\} RETURNING User\\(Id\\)\"} IN PHONE FIELDS RETURNING Contact(Id,Status__c) LIMIT 1"),
            Assert.Single(_salesforce.DataRequests).Query);
    }

    [Theory]
    [InlineData("Account.Name", "Acme Ltd")]
    [InlineData("NumberOfEmployees", "250")]
    [InlineData("DoNotCall", "false")]
    public async Task LookupAsync_FieldShapes_RenderedAsInvariantText(string field, string expected)
    {
        Assert.Equal(LookupOutcome.Found(expected), await Lookup(Connection(), ByPhone("4155551212", field)));
    }

    [Fact]
    public async Task LookupAsync_ConfiguredSessionLifetimeNearlyOver_RefreshesBeforeUse()
    {
        var connection = Connection(("sessionLifetimeMinutes", "30"));
        await LookupTwiceAsync(connection, ConnectorTestHost.ByPhone("Contact", "Status__c", "4155551212"), TimeSpan.FromMinutes(29.5));

        Assert.Equal(2, _salesforce.TokensIssued);
    }

    [Fact]
    public async Task LookupAsync_RefreshTokenRevoked_ThrowsUnauthorizedNamingTheOAuthError()
    {
        _salesforce.RefuseGrant = true;

        var failure = await FailsAsAsync(CrmFailureKind.Unauthorized, Connection(), ByPhone("4155551212", "Status__c"));

        Assert.Contains("invalid_grant", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSalesforce.RefreshToken, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_ClientCredentialsGrant_AuthenticatesWithoutRefreshToken()
    {
        var connection = ConnectorTestHost.Connection(
            "salesforce",
            new() { ["loginUrl"] = _salesforce.Server.BaseUri.ToString(), ["clientId"] = "3MVG9-CLIENT", ["grantType"] = "client_credentials" },
            new() { ["clientSecret"] = FakeSalesforce.ClientSecret });

        var outcome = await Lookup(connection, ConnectorTestHost.ByPhone("Contact", "Status__c", "4155551212"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Contains("grant_type=client_credentials", _salesforce.Server.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_RateLimitedWithRetryAfter_CarriesRetryAfter()
    {
        _salesforce.LookupOverride = () => new HeaderResult(
            Results.Json(new[] { new { message = "ConcurrentPerOrgLongTxn Limit exceeded.", errorCode = "REQUEST_LIMIT_EXCEEDED" } }, statusCode: 403),
            "Retry-After",
            "120");

        var failure = await FailsAsAsync(CrmFailureKind.RateLimited, Connection(), ByPhone("4155551212", "Status__c"));

        Assert.Equal(TimeSpan.FromMinutes(2), failure.RetryAfter);
    }

    [Fact]
    public void Validate_RefreshGrantWithoutSecrets_ListsEachByName()
    {
        var connection = ConnectorTestHost.Connection("salesforce", new() { ["grantType"] = "refresh_token", ["apiVersion"] = "latest", ["loginUrl"] = "ftp://x" }, []);

        var problems = Connector.Validate(connection);

        Assert.Equal(5, problems.Count);
        AssertNamesEach(problems, "clientId", "clientSecret", "refreshToken", "apiVersion", "loginUrl");
    }

    private static CrmLookupRequest ByPhone(string callerNumber, string field) => ConnectorTestHost.ByPhone("Contact", field, callerNumber);

    private CrmConnection Connection(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["loginUrl"] = _salesforce.Server.BaseUri.ToString(),
            ["clientId"] = "3MVG9-CLIENT",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return ConnectorTestHost.Connection("salesforce", settings, new() { ["clientSecret"] = FakeSalesforce.ClientSecret, ["refreshToken"] = FakeSalesforce.RefreshToken });
    }
}

namespace AriCrmRouter.Crm.Tests.Zendesk;

public sealed class ZendeskConnectorTests() : ConnectorPage(new ConnectorTestHost<ZendeskConnector>((http, options, time, logger) => new ZendeskConnector(new VendorClient(http, options, time), logger)))
{
    private ZendeskFake _fake = null!;

    public override async Task InitializeAsync()
    {
        _fake = await OwnAsync(ZendeskFake.StartAsync());
        _fake.Users.Add(JsonNode.Parse("""{"id":501,"name":"Ann","phone":"+14155551212","external_id":"12345","organization_id":77,"user_fields":{"status":"GOLD","vip":true,"account_no":"A-9","score":7.5}}""")!.AsObject());
        _fake.Users.Add(JsonNode.Parse("""{"id":502,"name":"Bob","phone":"+442079460000","external_id":"777","organization_id":null,"user_fields":{"status":null}}""")!.AsObject());
        _fake.Organizations.Add(JsonNode.Parse("""{"id":77,"name":"Acme","external_id":"ORG-1","organization_fields":{"tier":"platinum","seats":25}}""")!.AsObject());
    }

    private CrmConnection Connection(string token = ZendeskFake.ApiToken) => new(
        "zd",
        "zendesk",
        new Dictionary<string, string> { ["url"] = _fake.Url.ToString(), ["email"] = ZendeskFake.Email },
        new Dictionary<string, string> { ["apiToken"] = token });

    private static CrmLookupRequest ByPhone(string caller = "(415) 555-1212", string field = "status", string module = "users") =>
        new() { Module = module, Field = field, CallerNumber = caller };

    private static CrmLookupRequest ByKey(string keyField, string dtmf, string field = "status", string module = "users") =>
        new() { Module = module, Field = field, KeyField = keyField, Dtmf = dtmf, CallerNumber = "" };

    [Fact]
    public async Task LookupAsync_CallerNumberMatchesUserPhone_ReturnsUserField()
    {
        var outcome = await Lookup(Connection(), ByPhone());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal("type:user phone:*4155551212", _fake.LastSearchQuery());
    }

    [Theory]
    [InlineData("vip", "true")]
    [InlineData("score", "7.5")]
    [InlineData("user_fields.status", "GOLD")]
    [InlineData("name", "Ann")]
    public async Task LookupAsync_FieldOfAnyType_ReturnsInvariantText(string field, string expected)
    {
        Assert.Equal(LookupOutcome.Found(expected), await Lookup(Connection(), ByPhone(field: field)));
    }

    [Fact]
    public async Task LookupAsync_OrganizationsModule_ReadsTheUsersOrganizationField()
    {
        var outcome = await Lookup(Connection(), ByPhone(field: "seats", module: "organizations"));

        Assert.Equal(LookupOutcome.Found("25"), outcome);
        Assert.Contains(_fake.Server.Requests, r => r.Path == "/api/v2/organizations/77.json");
    }

    [Fact]
    public async Task LookupAsync_DtmfMatchesExternalId_UsesExternalIdSearch()
    {
        var outcome = await Lookup(Connection(), ByKey("external_id", "12345"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var search = Assert.Single(_fake.Searches);
        Assert.Equal("/api/v2/users/search.json", search.Path);
        Assert.Equal("?external_id=12345", search.Query);
    }

    [Fact]
    public async Task LookupAsync_DtmfMatchesUserField_SearchesQuotedValue()
    {
        var outcome = await Lookup(Connection(), ByKey("account_no", "A-9"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal("type:user account_no:\"A-9\"", _fake.LastSearchQuery());
    }

    [Fact]
    public async Task LookupAsync_UserWithoutOrganization_ReturnsNotFound()
    {
        Assert.Equal(LookupOutcome.NotFound, await Lookup(Connection(), ByPhone("+44 20 7946 0000", field: "tier", module: "organizations")));
    }

    [Fact]
    public async Task LookupAsync_DtmfMatchesOrganizationExternalId_ReturnsOrganizationField()
    {
        var outcome = await Lookup(Connection(), ByKey("external_id", "ORG-1", field: "tier", module: "organizations"));

        Assert.Equal(LookupOutcome.Found("platinum"), outcome);
        Assert.Equal("/api/v2/organizations/search.json", Assert.Single(_fake.Server.Requests).Path);
    }

    [Fact]
    public async Task LookupAsync_TwoLookups_SendBasicTokenCredentialInHeaderOnly()
    {
        await Lookup(Connection(), ByPhone());
        await Lookup(Connection(), ByKey("external_id", "12345"));

        Assert.All(_fake.Server.Requests, r =>
        {
            Assert.StartsWith("Basic ", r.Headers["Authorization"], StringComparison.Ordinal);
            Assert.DoesNotContain(ZendeskFake.ApiToken, r.Path + r.Query, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task LookupAsync_OAuthToken_SendsBearer()
    {
        var connection = new CrmConnection("zd-oauth", "zendesk", new Dictionary<string, string> { ["url"] = _fake.Url.ToString() }, new Dictionary<string, string> { ["oauthToken"] = "oauth-abc" });

        Assert.Equal(LookupOutcome.Found("GOLD"), await Lookup(connection, ByPhone()));
        Assert.Equal("Bearer oauth-abc", _fake.Server.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task LookupAsync_TokenRotatedInStore_UsesTheNewTokenWithoutAFailedAttempt()
    {
        await Lookup(Connection(), ByPhone());
        var rotated = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{ZendeskFake.Email}/token:rotated"));
        _fake.AcceptedAuthorizations.Clear();
        _fake.AcceptedAuthorizations.Add(rotated);

        var outcome = await Lookup(Connection("rotated"), ByPhone());

        // The credential cache is keyed by a fingerprint of the secrets, so the edited connection never
        // tries the old token first.
        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal(2, _fake.Searches.Count());
        Assert.Equal(rotated, _fake.Server.Requests[^1].Headers["Authorization"]);
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_SearchesDigitsOnly()
    {
        await Lookup(Connection(), ByPhone("' OR 1=1 -- role:admin 4155551212"));

        Assert.Matches("^type:user phone:\\*[0-9]{7,}$", _fake.LastSearchQuery());
    }

    [Fact]
    public async Task LookupAsync_HostileDtmf_StaysInsideOneQuotedValue()
    {
        await Lookup(Connection(), ByKey("account_no", "1\" role:admin \\\")*"));

        Assert.Equal("type:user account_no:\"1 role:admin )*\"", _fake.LastSearchQuery());
    }

    [Fact]
    public async Task LookupAsync_HostileExternalId_IsPercentEncoded()
    {
        await Lookup(Connection(), ByKey("external_id", "1&role=admin"));

        Assert.Equal("?external_id=1%26role%3Dadmin", Assert.Single(_fake.Searches).Query);
    }

    [Fact]
    public void Validate_NoHostNoCredentials_NamesTheKeys()
    {
        var problems = Connector.Validate(new CrmConnection("bad", "zendesk", new Dictionary<string, string>(), new Dictionary<string, string>()));

        AssertNamesEach(problems, "subdomain");
        Assert.Contains(problems, p => p.Contains("'apiToken'", StringComparison.Ordinal) && p.Contains("'oauthToken'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ApiTokenWithoutEmail_NamesEmail()
    {
        var problems = Connector.Validate(new CrmConnection("bad", "zendesk", new Dictionary<string, string> { ["subdomain"] = "acme" }, new Dictionary<string, string> { ["apiToken"] = "x" }));

        AssertNamesEach(problems, "email");
    }
}

namespace AriCrmRouter.Crm.Tests.Pipedrive;

public sealed class PipedriveConnectorTests() : ConnectorPage(new ConnectorTestHost<PipedriveConnector>((http, options, time, logger) => new PipedriveConnector(new VendorClient(http, options, time), logger)))
{
    private FakePipedrive _pipedrive = null!;

    public override async Task InitializeAsync()
    {
        _pipedrive = await OwnAsync(FakePipedrive.StartAsync());
        _pipedrive.AddPerson("(415) 555-1212", orgId: 7, customFields: new JsonObject
        {
            [FakePipedrive.StatusKey] = 27,
            [FakePipedrive.CustomerNumberKey] = "12)*",
            [FakePipedrive.EmployeesKey] = 250,
            [FakePipedrive.TagsKey] = new JsonArray(31, 32),
            [FakePipedrive.OtherCodeKey] = null,
        });
        _pipedrive.AddPerson("+44 20 7946 0000", id: 2, name: "John Roe", customFields: new JsonObject
        {
            [FakePipedrive.StatusKey] = 28,
            [FakePipedrive.CustomerNumberKey] = "111",
            [FakePipedrive.EmployeesKey] = null,
            [FakePipedrive.TagsKey] = null,
            [FakePipedrive.OtherCodeKey] = "999",
        });
        _pipedrive.Organizations.Add(new JsonObject
        {
            ["id"] = 7,
            ["name"] = "Acme Ltd",
            ["owner_id"] = 5,
            ["phones"] = new JsonArray(),
            ["custom_fields"] = new JsonObject { [FakePipedrive.TierKey] = "Platinum" },
        });
    }

    [Fact]
    public async Task LookupAsync_CallerNumber_SearchesTheLastDigitsChecksTheNumberThenReadsCustomFieldByName()
    {
        var outcome = await Lookup(ApiTokenConnection(), ConnectorTestHost.ByPhone("persons", "Status", "4155551212"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal(
            [
                "/api/v2/personFields?limit=500",
                "/api/v2/persons/search?term=1212&fields=phone&limit=100",
                $"/api/v2/persons/1?custom_fields={FakePipedrive.StatusKey}",
            ],
            _pipedrive.ApiRequests.Select(r => r.Path + r.Query).ToArray());
        Assert.All(_pipedrive.ApiRequests, r => Assert.Equal(FakePipedrive.ApiToken, r.Headers["x-api-token"]));
    }

    [Fact]
    public async Task LookupAsync_FieldGivenByKey_ReadsSameValue()
    {
        Assert.Equal(LookupOutcome.Found("GOLD"), await Lookup(ApiTokenConnection(), ConnectorTestHost.ByPhone("persons", FakePipedrive.StatusKey, "(415) 555-1212")));
    }

    [Fact]
    public async Task LookupAsync_ByDtmfKeyWithParenthesisAndStar_SearchesCustomFieldsAndVerifiesKey()
    {
        var outcome = await Lookup(ApiTokenConnection(), ConnectorTestHost.ByKey("persons", "Status", "Customer number", "12)*"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Contains(_pipedrive.ApiRequests, r => r.Path == "/api/v2/persons/search" && r.Query == "?term=12%29%2A&fields=custom_fields&exact_match=true&limit=1");
        Assert.Contains(
            _pipedrive.ApiRequests,
            r => r.Path == "/api/v2/persons/1" && r.Query == $"?custom_fields={FakePipedrive.StatusKey}{Uri.EscapeDataString(",")}{FakePipedrive.CustomerNumberKey}");
    }

    [Fact]
    public async Task LookupAsync_DtmfMatchesAnotherCustomField_AnswersNotFound()
    {
        var outcome = await Lookup(ApiTokenConnection(), ConnectorTestHost.ByKey("persons", "Status", "Customer number", "999"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_IsOneUrlEncodedTerm()
    {
        var outcome = await Lookup(ApiTokenConnection(), ConnectorTestHost.ByPhone("persons", "Status", "' OR name!='&fields=name"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        var search = Assert.Single(_pipedrive.ApiRequests, r => r.Path == "/api/v2/persons/search");
        Assert.Equal("?term=%27%20OR%20name%21%3D%27%26fields%3Dname&fields=phone&exact_match=true&limit=1", search.Query);
    }

    [Fact]
    public async Task LookupAsync_OrganizationsByCallerNumber_ReadsTheCallersOrganization()
    {
        var outcome = await Lookup(ApiTokenConnection(), ConnectorTestHost.ByPhone("organizations", "Tier", "(415) 555-1212"));

        Assert.Equal(LookupOutcome.Found("Platinum"), outcome);
        Assert.Contains(_pipedrive.ApiRequests, r => r.Path == "/api/v2/organizations/7");
    }

    [Theory]
    [InlineData("Employees", "250")]
    [InlineData("Tags", "VIP, Partner")]
    [InlineData("name", "Jane Doe")]
    public async Task LookupAsync_FieldShapes_RenderOptionLabelsAndNumbers(string field, string expected)
    {
        Assert.Equal(LookupOutcome.Found(expected), await Lookup(ApiTokenConnection(), ConnectorTestHost.ByPhone("persons", field, "(415) 555-1212")));
    }

    [Fact]
    public async Task LookupAsync_UnknownField_ThrowsConfiguration()
    {
        await FailsAsAsync(CrmFailureKind.Configuration, ApiTokenConnection(), ConnectorTestHost.ByPhone("persons", "Loyalty", "(415) 555-1212"));
        Assert.Equal(2, _pipedrive.ApiRequests.Count(r => r.Path == "/api/v2/personFields"));
        Assert.DoesNotContain(_pipedrive.ApiRequests, r => r.Path == "/api/v2/persons/search");
    }

    [Fact]
    public async Task LookupAsync_SecondLookup_ReusesFieldDefinitions()
    {
        await LookupTwiceAsync(ApiTokenConnection(), Status());

        Assert.Single(_pipedrive.ApiRequests, r => r.Path == "/api/v2/personFields");
    }

    [Fact]
    public async Task LookupAsync_OAuthSecondLookup_ReusesTokenAndApiDomain()
    {
        await LookupTwiceAsync(OAuthConnection(), Status());

        Assert.Equal(1, _pipedrive.TokensIssued);
        Assert.All(_pipedrive.ApiRequests, r => Assert.Equal("Bearer v1u:oauth-1", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task LookupAsync_OAuthTokenNearExpiry_RefreshesBeforeUse()
    {
        await LookupTwiceAsync(OAuthConnection(), Status(), TimeSpan.FromMinutes(59.5));

        Assert.Equal(2, _pipedrive.TokensIssued);
    }

    [Fact]
    public async Task LookupAsync_OAuthTokenExpiredAtPipedrive_RefreshesOnceAndSucceeds()
    {
        Assert.Equal(LookupOutcome.Found("GOLD"), await LookupTwiceAsync(OAuthConnection(), Status(), _pipedrive.ExpireIssuedTokens));
        Assert.Equal(2, _pipedrive.TokensIssued);
    }

    [Fact]
    public async Task LookupAsync_OAuthTokenRejectedAfterRefresh_ThrowsUnauthorized()
    {
        _pipedrive.RejectEveryToken = true;

        await FailsAsAsync(CrmFailureKind.Unauthorized, OAuthConnection(), Status());
        Assert.Equal(2, _pipedrive.TokensIssued);
    }

    [Fact]
    public async Task LookupAsync_OAuthRefreshRefused_ThrowsUnauthorized()
    {
        _pipedrive.RefuseRefresh = true;

        var failure = await FailsAsAsync(CrmFailureKind.Unauthorized, OAuthConnection(), Status());

        Assert.Contains("invalid_grant", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_RateLimited_ThrowsRateLimitedWithResetFromHeaders()
    {
        _pipedrive.LookupOverride = () => new HeaderResult(
            new HeaderResult(Results.Json(new { success = false, error = "Request over limit", errorCode = 429 }, statusCode: 429), "x-ratelimit-remaining", "0"),
            "x-ratelimit-reset",
            "2");

        var failure = await FailsAsAsync(CrmFailureKind.RateLimited, ApiTokenConnection(), Status());

        Assert.Equal(TimeSpan.FromSeconds(2), failure.RetryAfter);
    }

    [Theory]
    [InlineData("1795000000")]
    [InlineData("1795000000000")]
    public async Task LookupAsync_RateLimitedWithEpochInResetHeader_ThrowsRateLimitedWithoutAWait(string reset)
    {
        _pipedrive.LookupOverride = () => new HeaderResult(Results.Json(new { success = false, error = "Request over limit", errorCode = 429 }, statusCode: 429), "x-ratelimit-reset", reset);

        var failure = await FailsAsAsync(CrmFailureKind.RateLimited, ApiTokenConnection(), Status());

        Assert.Null(failure.RetryAfter);
    }

    [Fact]
    public async Task LookupAsync_AnyCredential_NeverPutsSecretsInUrls()
    {
        await Lookup(ApiTokenConnection(), Status());
        await Lookup(OAuthConnection(), Status());

        Assert.All(_pipedrive.Server.Requests, r =>
        {
            foreach (var secret in new[] { FakePipedrive.ApiToken, FakePipedrive.ClientSecret, FakePipedrive.RefreshToken, "oauth-1", "api_token" })
            {
                Assert.DoesNotContain(secret, r.Path + r.Query, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void Validate_NoCredentials_NamesTheKeys()
    {
        var problems = Connector.Validate(ConnectorTestHost.Connection("pipedrive", new() { ["baseUrl"] = "http://acme.pipedrive.com" }, []));

        AssertNamesEach(problems, "apiToken", "baseUrl");
    }

    private static CrmLookupRequest Status() => ConnectorTestHost.ByPhone("persons", "Status", "(415) 555-1212");

    private CrmConnection ApiTokenConnection() => ConnectorTestHost.Connection(
        "pipedrive",
        new() { ["baseUrl"] = _pipedrive.Server.BaseUri.ToString() },
        new() { ["apiToken"] = FakePipedrive.ApiToken });

    /// <summary>The base URL points nowhere: OAuth calls must use the api_domain of the token answer.</summary>
    private CrmConnection OAuthConnection() => ConnectorTestHost.Connection(
        "pipedrive",
        new() { ["baseUrl"] = "https://api.pipedrive.invalid", ["tokenUrl"] = _pipedrive.Server.BaseUri + "oauth/token", ["clientId"] = "pd-client" },
        new() { ["clientSecret"] = FakePipedrive.ClientSecret, ["refreshToken"] = FakePipedrive.RefreshToken },
        name: "pipedrive-oauth");
}

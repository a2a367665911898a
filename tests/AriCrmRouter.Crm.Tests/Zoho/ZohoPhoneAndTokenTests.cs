namespace AriCrmRouter.Crm.Tests.Zoho;

public sealed class ZohoPhoneAndTokenTests() : ConnectorPage(new ConnectorTestHost<ZohoConnector>((http, options, time, logger) => new ZohoConnector(new VendorClient(http, options, time), logger)))
{
    private FakeZoho _zoho = null!;

    public override async Task InitializeAsync()
    {
        _zoho = await OwnAsync(FakeZoho.StartAsync());
        _zoho.Add("Contacts", ["(415) 555-0100"], new JsonObject { ["id"] = "3477061000000419001", ["Status"] = "GOLD" });
    }

    [Fact]
    public async Task LookupAsync_CallerStoredWithParentheses_SearchesThePhoneTextUnescaped()
    {
        var outcome = await Lookup();

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Contains(_zoho.Searches, s => s.Query.StartsWith("?phone=%28415%29%20555-0100&", StringComparison.Ordinal));
        Assert.DoesNotContain(_zoho.Searches, s => s.Query.Contains("%5C", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LookupAsync_TokenEndpointThrottles_IsRateLimitedNotRefusedCredentials()
    {
        _zoho.TokenOverride = () => Results.Json(
            new { error_description = "You have made too many requests continuously. Please try again after some time.", error = "Access Denied", status = "failure" },
            statusCode: 400);

        var failure = await Assert.ThrowsAsync<CrmLookupException>(Lookup);

        Assert.Equal(CrmFailureKind.RateLimited, failure.Kind);
        Assert.Contains("too many requests", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refused the configured credentials", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_TokenEndpointRefusesTheRefreshToken_IsUnauthorized()
    {
        _zoho.TokenOverride = () => Results.Json(new { error = "invalid_code" }, statusCode: 400);

        var failure = await Assert.ThrowsAsync<CrmLookupException>(Lookup);

        Assert.Equal(CrmFailureKind.Unauthorized, failure.Kind);
    }

    [Theory]
    [InlineData("uk", "https://accounts.zoho.uk/", "https://www.zohoapis.uk/")]
    [InlineData("ae", "https://accounts.zoho.ae/", "https://www.zohoapis.ae/")]
    public void Read_NewDataCentre_UsesItsAccountsAndApiHosts(string dataCenter, string accounts, string api)
    {
        var connection = ConnectorTestHost.Connection(
            "zoho",
            new() { ["dataCenter"] = dataCenter, ["clientId"] = "1000.CLIENTID" },
            new() { ["clientSecret"] = FakeZoho.ClientSecret, ["refreshToken"] = FakeZoho.RefreshToken });

        var settings = ZohoSettings.Read(connection, "US", out var problems);

        Assert.Empty(problems);
        Assert.Equal(new Uri(accounts), settings.AccountsUrl);
        Assert.Equal(new Uri(api), ZohoSettings.DefaultApiDomain(connection));
    }

    private Task<LookupOutcome> Lookup() => Connector.LookupAsync(
        ConnectorTestHost.Connection(
            "zoho",
            new() { ["accountsUrl"] = _zoho.Server.BaseUri.ToString(), ["clientId"] = "1000.CLIENTID" },
            new() { ["clientSecret"] = FakeZoho.ClientSecret, ["refreshToken"] = FakeZoho.RefreshToken }),
        ConnectorTestHost.ByPhone("Contacts", "Status", "+14155550100"),
        CancellationToken.None);
}

namespace AriCrmRouter.Crm.Tests.Dynamics;

public sealed class DynamicsConnectorTests() : ConnectorPage(new ConnectorTestHost<DynamicsConnector>((http, options, time, logger) => new DynamicsConnector(new VendorClient(http, options, time), logger)))
{
    private const string Formatted = "@OData.Community.Display.V1.FormattedValue";

    private FakeDynamics _dynamics = null!;

    public override async Task InitializeAsync()
    {
        _dynamics = await OwnAsync(FakeDynamics.StartAsync());
        _dynamics.WebApiRecords["contacts"] =
        [
            new JsonObject
            {
                ["contactid"] = "a1b2c3d4-0000-0000-0000-000000000001",
                ["telephone1"] = "+44 20 7946 0000",
                ["mobilephone"] = "(415) 555-1212",
                ["new_customernumber"] = "12')*",
                ["new_status"] = 100000000,
                ["new_status" + Formatted] = "GOLD",
                ["_parentcustomerid_value"] = "a1b2c3d4-0000-0000-0000-0000000000aa",
                ["_parentcustomerid_value" + Formatted] = "Acme Ltd",
                ["numberofchildren"] = 1250,
                ["numberofchildren" + Formatted] = "1,250",
                ["creditlimit"] = 1250.5,
                ["creditlimit" + Formatted] = "$1,250.50",
                ["donotphone"] = false,
                ["donotphone" + Formatted] = "Allow",
                ["description"] = null,
            },
        ];
        _dynamics.OrganizationDataRecords["ContactSet"] =
        [
            new JsonObject
            {
                ["MobilePhone"] = "(415) 555-1212",
                ["new_Status"] = new JsonObject { ["__metadata"] = new JsonObject { ["type"] = "Microsoft.Crm.Sdk.Data.Services.OptionSetValue" }, ["Value"] = 100000001 },
                ["ParentCustomerId"] = new JsonObject
                {
                    ["__metadata"] = new JsonObject { ["type"] = "Microsoft.Crm.Sdk.Data.Services.EntityReference" },
                    ["Id"] = "a1b2c3d4-0000-0000-0000-0000000000aa",
                    ["LogicalName"] = "account",
                    ["Name"] = "Acme Ltd",
                },
            },
        ];
    }

    [Fact]
    public async Task LookupAsync_WebApiCallerNumber_FindsChoiceLabelWithOneOredFilter()
    {
        var outcome = await Lookup(WebApi(("maxFilterLength", "30000")), ConnectorTestHost.ByPhone("contacts", "new_status", "4155551212"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var query = Assert.Single(_dynamics.Queries);
        Assert.Equal("/api/data/v9.2/contacts", query.Path);
        var filter = string.Join(" or ", new[] { "+14155551212", "+1 415-555-1212", "(415) 555-1212", "4155551212" }
            .SelectMany(v => new[] { "telephone1", "mobilephone", "telephone2", "telephone3" }.Select(f => $"{f} eq '{v}'")));
        Assert.StartsWith($"?$select=new_status&$filter={Uri.EscapeDataString(filter + " or ")}", query.Query, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("telephone3 eq '415.555.1212'"), query.Query, StringComparison.Ordinal);
        Assert.EndsWith("&$top=1", query.Query, StringComparison.Ordinal);
        Assert.Equal("4.0", query.Headers["OData-Version"]);
        Assert.Equal("4.0", query.Headers["OData-MaxVersion"]);
        Assert.Equal("odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"", query.Headers["Prefer"]);
        Assert.Equal("Bearer eyJ0eXAi.dynamics-1", query.Headers["Authorization"]);
    }

    [Fact]
    public async Task LookupAsync_ByDtmfKeyWithQuote_DoublesQuoteAndFinds()
    {
        var outcome = await Lookup(WebApi(), ConnectorTestHost.ByKey("contacts", "new_status", "new_customernumber", "12')*"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal(
            "?$select=new_status&$filter=" + Uri.EscapeDataString("new_customernumber eq '12'')*'") + "&$top=1",
            Assert.Single(_dynamics.Queries).Query);
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_StaysInsideStringLiterals()
    {
        var outcome = await Lookup(WebApi(("phoneFields", "telephone1")), ConnectorTestHost.ByPhone("contacts", "new_status", "' or fullname ne '"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.Equal(
            "?$select=new_status&$filter=" + Uri.EscapeDataString("telephone1 eq ''' or fullname ne '''") + "&$top=1",
            Assert.Single(_dynamics.Queries).Query);
    }

    [Theory]
    [InlineData("_parentcustomerid_value", "auto", "Acme Ltd")]
    [InlineData("numberofchildren", "auto", "1250")]
    [InlineData("creditlimit", "auto", "1250.5")]
    [InlineData("donotphone", "auto", "false")]
    [InlineData("new_status", "never", "100000000")]
    [InlineData("numberofchildren", "always", "1,250")]
    public async Task LookupAsync_WebApiFieldShapes_UseLabelsOnlyForChoicesAndLookups(string field, string choiceLabels, string expected)
    {
        var outcome = await Lookup(WebApi(("choiceLabels", choiceLabels)), ConnectorTestHost.ByPhone("contacts", field, "4155551212"));

        Assert.Equal(LookupOutcome.Found(expected), outcome);
    }

    [Fact]
    public async Task LookupAsync_TokenNearExpiry_RefreshesBeforeUse()
    {
        await LookupTwiceAsync(WebApi(), ConnectorTestHost.ByPhone("contacts", "new_status", "4155551212"), TimeSpan.FromMinutes(59.5));

        Assert.Equal(2, _dynamics.TokensIssued);
    }

    [Fact]
    public async Task LookupAsync_ClientSecretRefused_ThrowsUnauthorizedWithoutSecret()
    {
        _dynamics.RefuseClient = true;

        var failure = await FailsAsAsync(CrmFailureKind.Unauthorized, WebApi(), ConnectorTestHost.ByPhone("contacts", "new_status", "4155551212"));

        Assert.Contains("invalid_client", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDynamics.ClientSecret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_Crm2015WithBasicAuth_ReadsOptionSetValueFromOrganizationData()
    {
        var outcome = await Lookup(Crm2015Basic(), ConnectorTestHost.ByPhone("Contact", "new_Status", "4155551212"));

        Assert.Equal(LookupOutcome.Found("100000001"), outcome);
        var query = Assert.Single(_dynamics.Queries);
        Assert.Equal("/contoso/XRMServices/2011/OrganizationData.svc/ContactSet", query.Path);
        Assert.Contains(Uri.EscapeDataString("MobilePhone eq '(415) 555-1212'"), query.Query, StringComparison.Ordinal);
        Assert.False(query.Headers.ContainsKey("OData-Version"));
        Assert.StartsWith("Basic ", query.Headers["Authorization"], StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDynamics.Password, query.Path + query.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_Crm2015EntityReference_ReadsName()
    {
        Assert.Equal(LookupOutcome.Found("Acme Ltd"), await Lookup(Crm2015Basic(), ConnectorTestHost.ByPhone("ContactSet", "ParentCustomerId", "4155551212")));
    }

    [Fact]
    public async Task LookupAsync_Crm2015WrongPassword_ThrowsUnauthorized()
    {
        _dynamics.RejectEveryToken = true;

        await FailsAsAsync(CrmFailureKind.Unauthorized, Crm2015Basic(), ConnectorTestHost.ByPhone("Contact", "new_Status", "4155551212"));
    }

    [Fact]
    public async Task LookupAsync_Crm2015WithAdfsToken_SendsResourceAndUsesBearer()
    {
        var connection = ConnectorTestHost.Connection(
            "dynamics",
            new()
            {
                ["api"] = "odata2015",
                ["orgUrl"] = _dynamics.Server.BaseUri + "contoso",
                ["tokenUrl"] = _dynamics.Server.BaseUri + "adfs/oauth2/token",
                ["resource"] = "https://crm.contoso.local/",
                ["clientId"] = "adfs-client",
            },
            new() { ["clientSecret"] = FakeDynamics.ClientSecret },
            name: "crm2015-adfs");

        var outcome = await Lookup(connection, ConnectorTestHost.ByPhone("Contact", "new_Status", "4155551212"));

        Assert.Equal(LookupOutcome.Found("100000001"), outcome);
        Assert.Contains("resource=https%3A%2F%2Fcrm.contoso.local%2F", _dynamics.Server.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("Bearer eyJ0eXAi.dynamics-1", _dynamics.Queries.Single().Headers["Authorization"]);
    }

    [Fact]
    public void Validate_MissingTenantAndSecret_ListsEachByName()
    {
        var problems = Connector.Validate(ConnectorTestHost.Connection("dynamics", new() { ["orgUrl"] = "https://contoso.crm4.dynamics.com", ["api"] = "soap" }, []));

        AssertNamesEach(problems, "tenantId", "clientId", "clientSecret", "api");
    }

    private CrmConnection WebApi(params (string Key, string Value)[] extra) => _dynamics.WebApiConnection(extra);

    private CrmConnection Crm2015Basic() => ConnectorTestHost.Connection(
        "dynamics",
        new() { ["api"] = "odata2015", ["orgUrl"] = _dynamics.Server.BaseUri + "contoso", ["auth"] = "basic", ["username"] = "CONTOSO\\crmrouter" },
        new() { ["password"] = FakeDynamics.Password },
        name: "crm2015");
}

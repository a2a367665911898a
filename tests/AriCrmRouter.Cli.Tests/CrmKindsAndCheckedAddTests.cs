using AriCrmRouter.TestKit.Redis;

namespace AriCrmRouter.Cli.Tests;

/// <summary><c>crm add</c> checks a connection against its kind's descriptor before saving; <c>crm kinds</c> shows the descriptors.</summary>
public sealed class CrmKindsAndCheckedAddTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly CliHarness _cli = new(redis);

    [Fact]
    public async Task Add_UnknownSetting_ExitsOneNamesTheKeyListsTheAcceptedOnesAndSavesNothing()
    {
        var run = await _cli.RunAsync("crm", "add", "zoho-eu", "--kind", "zoho",
            "--setting", "region=eu", "--setting", "clientId=c", "--secret", "clientSecret=s", "--secret", "refreshToken=r");

        run.AssertFailed(1, "'region' is not a setting of zoho connections", "settings: dataCenter, accountsUrl");
        Assert.DoesNotContain("Added", run.Out, StringComparison.Ordinal);
        Assert.Contains("No CRM connections.", await _cli.ListAsync("crm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_MissingRequiredSecret_ExitsOneAndSavesNothing()
    {
        var run = await _cli.RunAsync("crm", "add", "v", "--kind", "vtiger", "--setting", "url=https://acme.od2.vtiger.com", "--setting", "username=admin");

        run.AssertFailed(1, "secret 'accessKey' is missing");
        Assert.Contains("No CRM connections.", await _cli.ListAsync("crm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_UnknownKind_ExitsOneListsTheKindsAndNeverEchoesASecret()
    {
        var run = await _cli.RunAsync("crm", "add", "odd", "--kind", "notacrm", "--secret", "token=very-secret-value");

        run.AssertFailed(1, "'notacrm' is not a known CRM kind; known kinds: bullhorn, dynamics, hubspot");
        Assert.DoesNotContain("very-secret-value", run.All, StringComparison.Ordinal);
        Assert.Contains("No CRM connections.", await _cli.ListAsync("crm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ConnectorRejectsAValue_ExitsOneWithItsProblem()
    {
        var run = await _cli.RunAsync("crm", "add", "z", "--kind", "zoho",
            "--setting", "dataCenter=mars", "--setting", "clientId=c", "--secret", "clientSecret=s", "--secret", "refreshToken=r");

        run.AssertFailed(1, "setting 'dataCenter' must be one of");
    }

    [Fact]
    public async Task Kinds_NoArgument_ListsEveryKindWithItsRequiredKeys()
    {
        var run = await _cli.RunAsync("crm", "kinds");

        run.AssertExit(0);
        foreach (var kind in new[] { "bullhorn", "dynamics", "hubspot", "pipedrive", "salesforce", "sugarcrm", "suitecrm", "vtiger", "zendesk", "zoho" })
        {
            Assert.Matches($"(?m)^{kind} ", run.Out);
        }

        Assert.Matches(@"(?m)^vtiger\s+Vtiger CRM\s+url, username, accessKey\s*$", run.Out);
    }

    [Fact]
    public async Task Kinds_OneKind_ListsItsSettingsAndSecretsWithDefaults()
    {
        var run = await _cli.RunAsync("crm", "kinds", "Zoho");

        run.AssertExit(0);
        Assert.StartsWith("zoho: Zoho CRM", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^dataCenter\s+setting\s+com\s+Zoho data centre", run.Out);
        Assert.Matches(@"(?m)^refreshToken\*\s+secret\s+OAuth refresh token", run.Out);
    }

    [Fact]
    public async Task Kinds_UnknownKind_ExitsOne()
    {
        var run = await _cli.RunAsync("crm", "kinds", "notacrm");

        run.AssertFailed(1, "known kinds: bullhorn");
    }

    public void Dispose() => _cli.Dispose();
}

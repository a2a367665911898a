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

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'region' is not a setting of zoho connections", run.Error, StringComparison.Ordinal);
        Assert.Contains("settings: dataCenter, accountsUrl", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Added", run.Out, StringComparison.Ordinal);
        Assert.Contains("No CRM connections.", (await _cli.RunAsync("crm", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_MissingRequiredSecret_ExitsOneAndSavesNothing()
    {
        var run = await _cli.RunAsync("crm", "add", "v", "--kind", "vtiger", "--setting", "url=https://acme.od2.vtiger.com", "--setting", "username=admin");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("secret 'accessKey' is missing", run.Error, StringComparison.Ordinal);
        Assert.Contains("No CRM connections.", (await _cli.RunAsync("crm", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_UnknownKind_ExitsOneListsTheKindsAndNeverEchoesASecret()
    {
        var run = await _cli.RunAsync("crm", "add", "odd", "--kind", "notacrm", "--secret", "token=very-secret-value");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'notacrm' is not a known CRM kind; known kinds: bullhorn, dynamics, hubspot", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", run.All, StringComparison.Ordinal);
        Assert.Contains("No CRM connections.", (await _cli.RunAsync("crm", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ConnectorRejectsAValue_ExitsOneWithItsProblem()
    {
        var run = await _cli.RunAsync("crm", "add", "z", "--kind", "zoho",
            "--setting", "dataCenter=mars", "--setting", "clientId=c", "--secret", "clientSecret=s", "--secret", "refreshToken=r");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("setting 'dataCenter' must be one of", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kinds_NoArgument_ListsEveryKindWithItsRequiredKeys()
    {
        var run = await _cli.RunAsync("crm", "kinds");

        Assert.Equal(0, run.ExitCode);
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

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("zoho: Zoho CRM", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^dataCenter\s+setting\s+com\s+Zoho data centre", run.Out);
        Assert.Matches(@"(?m)^refreshToken\*\s+secret\s+OAuth refresh token", run.Out);
    }

    [Fact]
    public async Task Kinds_UnknownKind_ExitsOne()
    {
        var run = await _cli.RunAsync("crm", "kinds", "notacrm");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("known kinds: bullhorn", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}

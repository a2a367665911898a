namespace AriCrmRouter.Cli.Tests;

public sealed class CrmCommandTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly CliHarness _cli = new(redis);

    [Fact]
    public async Task List_AfterAdd_ShowsSettingsAndSecretNamesButNeverSecretValues()
    {
        _cli.Environment["ZOHO_TOKEN"] = "token-from-env-456";
        var add = await _cli.RunAsync("crm", "add", "zoho-eu", "--kind", "zoho",
            "--setting", "dataCenter=eu", "--setting", "clientId=1000.ABC",
            "--secret", "clientSecret=hunter2-secret", "--secret-env", "refreshToken=ZOHO_TOKEN");

        var list = await _cli.RunAsync("crm", "list");

        add.AssertExit(0);
        list.AssertExit(0);
        Assert.Matches(@"zoho-eu\s+zoho\s+clientId=1000\.ABC, dataCenter=eu\s+clientSecret, refreshToken", list.Out);
        foreach (var output in new[] { add.All, list.All })
        {
            Assert.DoesNotContain("hunter2-secret", output, StringComparison.Ordinal);
            Assert.DoesNotContain("token-from-env-456", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Add_SecretEnvNotSet_ExitsOneAndSavesNothing()
    {
        var run = await _cli.RunAsync("crm", "add", "x", "--kind", "zoho", "--secret-env", "token=UNSET_VARIABLE");

        run.AssertFailed(1, "UNSET_VARIABLE");
        Assert.Contains("No CRM connections.", await _cli.ListAsync("crm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_MalformedSecret_IsAUsageErrorThatDoesNotEchoIt()
    {
        var run = await _cli.RunAsync("crm", "add", "x", "--kind", "zoho", "--secret", "justthesecretvalue");

        run.AssertExit(2);
        Assert.DoesNotContain("justthesecretvalue", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_SameNameAgain_ReplacesIt()
    {
        await _cli.RunAsync("crm", "add", "sf", "--kind", "salesforce", "--setting", "clientId=c", "--secret", "clientSecret=s");

        var run = await _cli.RunAsync("crm", "add", "SF", "--kind", "hubspot", "--secret", "accessToken=pat");

        Assert.Contains("Replaced", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"SF\s+hubspot", await _cli.ListAsync("crm"));
    }

    [Fact]
    public async Task Remove_Confirmed_RemovesTheConnection()
    {
        await AddZohoAsync("old");

        var run = await _cli.RunWithInputAsync("yes\n", "crm", "remove", "old");

        run.AssertExit(0);
        Assert.Contains("Are you sure you want to remove 'old'?", run.Out, StringComparison.Ordinal);
        Assert.Contains("No CRM connections.", await _cli.ListAsync("crm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_Declined_KeepsTheConnection()
    {
        await AddZohoAsync("kept");

        var run = await _cli.RunWithInputAsync("no\n", "crm", "remove", "kept");

        run.AssertExit(1);
        Assert.Contains("kept", await _cli.ListAsync("crm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_UsedByRules_WarnsAndNamesThem()
    {
        await AddZohoAsync("zoho-eu");
        await _cli.RunAsync("rules", "import", _cli.WriteFile("r.json", RuleFiles.File([RuleFiles.Rule("vip")])));

        var run = await _cli.RunAsync("crm", "remove", "zoho-eu", "--yes");

        run.AssertExit(0);
        run.AssertSays("Warning", "vip");
    }

    [Fact]
    public async Task Remove_Unknown_ExitsOne()
    {
        var run = await _cli.RunAsync("crm", "remove", "ghost", "--yes");

        run.AssertExit(1);
    }

    public void Dispose() => _cli.Dispose();

    private async Task AddZohoAsync(string name)
    {
        var add = await _cli.RunAsync("crm", "add", name, "--kind", "zoho", "--setting", "clientId=c", "--secret", "clientSecret=s", "--secret", "refreshToken=r");
        add.AssertExit(0);
    }
}

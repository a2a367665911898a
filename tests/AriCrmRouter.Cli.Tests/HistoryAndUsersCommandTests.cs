namespace AriCrmRouter.Cli.Tests;

public sealed class HistoryAndUsersCommandTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly CliHarness _cli = new(redis);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task RulesHistory_AfterImportAndDelete_ListsBothChangesNewestFirst()
    {
        var file = _cli.WriteFile("rules.json", RuleFiles.File([RuleFiles.Rule("vip"), RuleFiles.Rule("ltv")], new Dictionary<string, string> { ["5551000"] = "vip" }));
        Assert.Equal(0, (await _cli.RunAsync("rules", "import", file, "--replace")).ExitCode);
        Assert.Equal(0, (await _cli.RunWithInputAsync("y\n", "rules", "delete", "vip")).ExitCode);

        var run = await _cli.RunAsync("rules", "history");

        run.AssertExit(0);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2 ", lines[1], StringComparison.Ordinal);
        Assert.Contains("removed rule 'vip'; unassigned DID 5551000", lines[1], StringComparison.Ordinal);
        Assert.Contains("cli:", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("1 ", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesRollback_ToTheFirstVersion_BringsTheDeletedRuleBackAsANewVersion()
    {
        var file = _cli.WriteFile("rules.json", RuleFiles.File([RuleFiles.Rule("vip"), RuleFiles.Rule("ltv")], new Dictionary<string, string> { ["5551000"] = "vip" }));
        Assert.Equal(0, (await _cli.RunAsync("rules", "import", file, "--replace")).ExitCode);
        Assert.Equal(0, (await _cli.RunWithInputAsync("y\n", "rules", "delete", "vip")).ExitCode);

        var run = await _cli.RunAsync("rules", "rollback", "1");

        run.AssertExit(0);
        Assert.Contains("Restored version 1 as version 3.", run.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("rules", "show", "vip")).ExitCode);
    }

    [Fact]
    public async Task RulesRollback_UnrecordedVersion_ExitsOneAndChangesNothing()
    {
        var run = await _cli.RunAsync("rules", "rollback", "42");

        run.AssertFailed(1, "version 42 is not in the history");
    }

    [Fact]
    public async Task UsersAdd_ShortPassword_IsRefused()
    {
        var run = await _cli.RunWithInputAsync("short\n", "users", "add", "bob", "--role", "admin");

        run.AssertFailed(2, "at least 10 characters");
    }

    [Fact]
    public async Task UsersAdd_ThenList_ShowsTheAccountAndNeverThePassword()
    {
        var add = await _cli.RunWithInputAsync("a-long-enough-password\n", "users", "add", "bob", "--role", "viewer");
        add.AssertExit(0);

        var list = await _cli.RunAsync("users", "list");

        Assert.Contains("bob   viewer", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("a-long-enough-password", add.Out + list.Out, StringComparison.Ordinal);
    }
}

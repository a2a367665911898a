namespace AriCrmRouter.Cli.Tests;

public sealed class DidsCommandTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly CliHarness _cli = new(redis);

    private async Task SeedAsync()
    {
        var path = _cli.WriteFile("rules.json", RuleFiles.File([RuleFiles.Rule("vip"), RuleFiles.Rule("ltv")], new Dictionary<string, string> { ["5551000"] = "vip" }));
        var run = await _cli.RunAsync("rules", "import", path);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task List_Assignments_PrintsDidAndRule()
    {
        await SeedAsync();

        var run = await _cli.RunAsync("dids", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"5551000\s+vip", run.Out);
    }

    [Fact]
    public async Task Assign_ExistingRule_AddsOrRepointsTheDid()
    {
        await SeedAsync();

        var added = await _cli.RunAsync("dids", "assign", "+15552000", "LTV");
        var repointed = await _cli.RunAsync("dids", "assign", "5551000", "ltv");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.True(repointed.ExitCode == 0, repointed.ToString());
        var list = (await _cli.RunAsync("dids", "list")).Out;
        Assert.Matches(@"\+15552000\s+ltv", list);
        Assert.Matches(@"5551000\s+ltv", list);
    }

    [Fact]
    public async Task Assign_MissingRule_ExitsOneAndChangesNothing()
    {
        await SeedAsync();
        var before = (await _cli.RunAsync("rules", "export")).Out;

        var run = await _cli.RunAsync("dids", "assign", "5553000", "no-such-rule");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No rule named 'no-such-rule'", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await _cli.RunAsync("rules", "export")).Out);
    }

    [Fact]
    public async Task Assign_InvalidDid_ExitsOneWithTheValidatorsReason()
    {
        await SeedAsync();

        var run = await _cli.RunAsync("dids", "assign", "55 51", "vip");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a valid DID", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unassign_Assigned_RemovesIt()
    {
        await SeedAsync();

        var run = await _cli.RunAsync("dids", "unassign", "5551000");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No DIDs assigned.", (await _cli.RunAsync("dids", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unassign_NotAssigned_ExitsOne()
    {
        await SeedAsync();

        var run = await _cli.RunAsync("dids", "unassign", "5559999");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not assigned", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}

namespace AriCrmRouter.Cli.Tests;

public sealed class DidsCommandTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly CliHarness _cli = new(redis);

    private async Task SeedAsync()
    {
        var path = _cli.WriteFile("rules.json", RuleFiles.File([RuleFiles.Rule("vip"), RuleFiles.Rule("ltv")], new Dictionary<string, string> { ["5551000"] = "vip" }));
        var run = await _cli.RunAsync("rules", "import", path);
        run.AssertExit(0);
    }

    [Fact]
    public async Task List_Assignments_PrintsDidAndRule()
    {
        await SeedAsync();

        var run = await _cli.RunAsync("dids", "list");

        run.AssertExit(0);
        Assert.Matches(@"5551000\s+vip", run.Out);
    }

    [Fact]
    public async Task Assign_ExistingRule_AddsOrRepointsTheDid()
    {
        await SeedAsync();

        var added = await _cli.RunAsync("dids", "assign", "+15552000", "LTV");
        var repointed = await _cli.RunAsync("dids", "assign", "5551000", "ltv");

        added.AssertExit(0);
        repointed.AssertExit(0);
        var list = await _cli.ListAsync("dids");
        Assert.Matches(@"\+15552000\s+ltv", list);
        Assert.Matches(@"5551000\s+ltv", list);
    }

    [Fact]
    public async Task Assign_MissingRule_ExitsOneAndChangesNothing()
    {
        await SeedAsync();
        var before = (await _cli.RunAsync("rules", "export")).Out;

        var run = await _cli.RunAsync("dids", "assign", "5553000", "no-such-rule");

        run.AssertFailed(1, "No rule named 'no-such-rule'");
        Assert.Equal(before, (await _cli.RunAsync("rules", "export")).Out);
    }

    [Fact]
    public async Task Assign_InvalidDid_ExitsOneWithTheValidatorsReason()
    {
        await SeedAsync();

        var run = await _cli.RunAsync("dids", "assign", "55 51", "vip");

        run.AssertFailed(1, "not a valid DID");
    }

    [Fact]
    public async Task Unassign_Assigned_RemovesIt()
    {
        await SeedAsync();

        var run = await _cli.RunAsync("dids", "unassign", "5551000");

        run.AssertExit(0);
        Assert.Contains("No DIDs assigned.", await _cli.ListAsync("dids"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unassign_NotAssigned_ExitsOne()
    {
        await SeedAsync();

        var run = await _cli.RunAsync("dids", "unassign", "5559999");

        run.AssertFailed(1, "not assigned");
    }

    public void Dispose() => _cli.Dispose();
}

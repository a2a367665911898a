namespace AriCrmRouter.Cli.Tests;

/// <summary>rules validate never needs Redis: these runs point at a port nothing listens on.</summary>
public sealed class RulesValidateCommandTests : OfflineRuleFileTests
{
    [Fact]
    public async Task Validate_ValidFile_ExitsZeroWithSummary()
    {
        var path = Write(RuleFiles.File([RuleFiles.Rule("vip-status"), RuleFiles.Rule("other")], new Dictionary<string, string> { ["5551000"] = "vip-status" }));

        var run = await RunAsync("rules", "validate", path);

        run.AssertExit(0);
        Assert.Contains("is valid: 2 rules, 1 DID", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidFile_PrintsEveryProblemWithPathAndRuleAndExitsOne()
    {
        var path = Write(RuleFiles.File([RuleFiles.Rule("good"), RuleFiles.Rule("bad").Replace("\"operator\": \"=\"", "\"operator\": \"=>\"", StringComparison.Ordinal)], new Dictionary<string, string> { ["5559"] = "missing-rule" }));

        var run = await RunAsync("rules", "validate", path);

        run.AssertExit(1);
        run.AssertSays("2 problems", "rules[1] (bad).rows[0].operator", "dids[\"5559\"]");
    }

    [Fact]
    public async Task Validate_NotJson_ExitsOneWithTheSyntaxProblem()
    {
        var path = Write("{ \"rules\": [");

        var run = await RunAsync("rules", "validate", path);

        run.AssertExit(1);
        Assert.Contains("invalid JSON", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_IsAUsageError()
    {
        var run = await RunAsync("rules", "validate", ScratchPath("nope.json"));

        run.AssertFailed(2, "cannot read");
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("rules", "frobnicate")]
    [InlineData("rules", "validate")]
    [InlineData("crm", "add", "x")]
    public async Task Run_WrongCommandLine_ExitsTwo(params string[] args)
    {
        var run = await RunAsync(args);

        run.AssertFailed(2, "--help");
    }

    [Fact]
    public async Task Run_Help_ExitsZeroAndListsTheCommands()
    {
        var run = await RunAsync("--help");

        run.AssertExit(0);
        run.AssertSays("rules", "dids", "crm");
    }
}

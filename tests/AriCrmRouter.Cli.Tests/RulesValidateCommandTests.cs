namespace AriCrmRouter.Cli.Tests;

/// <summary>rules validate never needs Redis: these runs point at a port nothing listens on.</summary>
public sealed class RulesValidateCommandTests : OfflineRuleFileTests
{
    [Fact]
    public async Task Validate_ValidFile_ExitsZeroWithSummary()
    {
        var path = Write(RuleFiles.File([RuleFiles.Rule("vip-status"), RuleFiles.Rule("other")], new Dictionary<string, string> { ["5551000"] = "vip-status" }));

        var run = await RunAsync("rules", "validate", path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("is valid: 2 rules, 1 DID", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidFile_PrintsEveryProblemWithPathAndRuleAndExitsOne()
    {
        var path = Write(RuleFiles.File([RuleFiles.Rule("good"), RuleFiles.Rule("bad").Replace("\"operator\": \"=\"", "\"operator\": \"=>\"", StringComparison.Ordinal)], new Dictionary<string, string> { ["5559"] = "missing-rule" }));

        var run = await RunAsync("rules", "validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2 problems", run.Out, StringComparison.Ordinal);
        Assert.Contains("rules[1] (bad).rows[0].operator", run.Out, StringComparison.Ordinal);
        Assert.Contains("dids[\"5559\"]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NotJson_ExitsOneWithTheSyntaxProblem()
    {
        var path = Write("{ \"rules\": [");

        var run = await RunAsync("rules", "validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("invalid JSON", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_IsAUsageError()
    {
        var run = await RunAsync("rules", "validate", ScratchPath("nope.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("rules", "frobnicate")]
    [InlineData("rules", "validate")]
    [InlineData("crm", "add", "x")]
    public async Task Run_WrongCommandLine_ExitsTwo(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_ExitsZeroAndListsTheCommands()
    {
        var run = await RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("rules", run.Out, StringComparison.Ordinal);
        Assert.Contains("dids", run.Out, StringComparison.Ordinal);
        Assert.Contains("crm", run.Out, StringComparison.Ordinal);
    }
}

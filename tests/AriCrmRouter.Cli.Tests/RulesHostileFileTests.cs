namespace AriCrmRouter.Cli.Tests;

/// <summary>Crafted rule files end in a listed problem and an exit code, never a stack trace; Redis is never needed.</summary>
public sealed class RulesHostileFileTests : OfflineRuleFileTests
{
    public static TheoryData<string, string> CraftedFiles => new()
    {
        { Good().Replace("\"dids\"", "\"rules[x\": 1, \"zzz\": 2, \"dids\"", StringComparison.Ordinal), "[\"rules[x\"]: unknown property" },
        { Good().Replace("\"dids\"", "\"rules[99999999999]\": 1, \"zzz\": 2, \"dids\"", StringComparison.Ordinal), "[\"rules[99999999999]\"]: unknown property" },
        { Good().Replace("\"name\": \"good\"", "\"name\": \"good\\ud800\"", StringComparison.Ordinal), "rules[0].name: " },
        { Good().Replace("\"5551000\"", "\"555\\udc00\"", StringComparison.Ordinal), "dids: " },
    };

    [Theory]
    [MemberData(nameof(CraftedFiles))]
    public async Task Validate_CraftedFile_ListsTheProblemWithoutAStackTrace(string content, string expected)
    {
        var run = await RunAsync("rules", "validate", Write(content));

        Assert.True(run.ExitCode == ExitCodes.Problem, run.ToString());
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Theory]
    [MemberData(nameof(CraftedFiles))]
    public async Task Import_CraftedFile_ListsTheProblemAndImportsNothing(string content, string expected)
    {
        var run = await RunAsync("rules", "import", Write(content));

        Assert.True(run.ExitCode == ExitCodes.Problem, run.ToString());
        Assert.Contains("nothing was imported", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Validate_NameEndingInNewline_IsInvalid()
    {
        var run = await RunAsync("rules", "validate", Write(Good().Replace("\"name\": \"good\"", "\"name\": \"good\\n\"", StringComparison.Ordinal)));

        Assert.True(run.ExitCode == ExitCodes.Problem, run.ToString());
        Assert.Contains("rules[0] (good\\n).name: 'good\\n' must start with a letter or digit", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RowThatCanNeverMatch_WarnsAndStillPasses()
    {
        var run = await RunAsync("rules", "validate", Write(Good().Replace("\"operator\": \"=\", \"value\": \"GOLD\"", "\"operator\": \">=\", \"value\": \"1e3\"", StringComparison.Ordinal)));

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        run.AssertSays("is valid: 1 rule, 1 DID", "warning: rules[0] (good).rows[0].value: '>= 1e3' never matches");
    }

    private static void AssertNoStackTrace(CliRun run)
    {
        Assert.DoesNotContain("Unhandled exception", run.All, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    private static string Good() => RuleFiles.File([RuleFiles.Rule("good")], new Dictionary<string, string> { ["5551000"] = "good" });
}

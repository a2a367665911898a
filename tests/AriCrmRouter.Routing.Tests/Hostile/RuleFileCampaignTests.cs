using AriCrmRouter.Tests.Hostile;

namespace AriCrmRouter.Routing.Tests.Hostile;

/// <summary>The rule-file category of the hostile-input campaign (docs/hostile-input.md).</summary>
public class RuleFileCampaignTests
{
    [Fact]
    public void Parse_HostileFiles_EveryProblemHasAPathAndNothingThrows()
    {
        HostileCampaign.Run(
            HostileRuleFileGen.File,
            json =>
            {
                var file = RuleFileCodec.Parse(json);
                AssertReported(file.IsValid, file.Problems, file.Warnings);
                if (file.RuleSet is { } set)
                {
                    var again = RuleFileCodec.Parse(RuleFileCodec.Serialize(set));
                    Assert.True(again.IsValid, string.Join("\n", again.Problems));
                }

                var single = RuleFileCodec.ParseRule(json);
                AssertReported(single.IsValid, single.Problems, single.Warnings);
            },
            // The text as UTF-16 and UTF-8, the strings read from it, and the problems: a few times the input.
            json => (64L * json.Length) + (4 * 1024 * 1024));
    }

    private static void AssertReported(bool valid, IReadOnlyList<ValidationProblem> problems, IReadOnlyList<ValidationProblem> warnings)
    {
        Assert.Equal(valid, problems.Count == 0);
        foreach (var problem in problems.Concat(warnings))
        {
            Assert.False(string.IsNullOrEmpty(problem.Path), $"a problem without a path: {problem.Reason}");
            Assert.False(string.IsNullOrEmpty(problem.Reason), $"a problem without a reason at {problem.Path}");
            var line = problem.ToString();
            Assert.False(line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal), $"a problem over several lines: {line[..Math.Min(300, line.Length)]}");
            Assert.True(line.Length < 1_000, $"a problem of {line.Length} characters: {line[..Math.Min(200, line.Length)]}");
        }
    }
}

using AriCrmRouter.Routing.Files;
using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Cli.Commands;

/// <summary>A rule file read from disk and checked: a rule set, or every problem found in it.</summary>
internal sealed record RuleFileCheck(string Path, RuleSet? RuleSet, IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>Rows that can never match: printed, but they do not stop a file.</summary>
    public IReadOnlyList<ValidationProblem> Warnings { get; init; } = [];

    public bool IsValid => RuleSet is not null && Problems.Count == 0;

    public static async Task<RuleFileCheck> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }

        var result = RuleFileCodec.Parse(json);
        return new RuleFileCheck(path, result.RuleSet, result.Problems) { Warnings = result.Warnings };
    }
}

using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Routing.Files;

/// <summary>
/// The outcome of reading a rule file: either a rule set and no problems, or no rule set and every problem found.
/// A file is never accepted in part.
/// </summary>
public sealed record RuleFileParseResult(RuleSet? RuleSet, IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>Rows that can never match and similar doubts; they do not make the file invalid.</summary>
    public IReadOnlyList<ValidationProblem> Warnings { get; init; } = [];

    public bool IsValid => RuleSet is not null;
}

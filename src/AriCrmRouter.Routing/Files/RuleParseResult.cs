using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Routing.Files;

/// <summary>The outcome of reading one rule on its own: a rule and no problems, or no rule and every problem found.</summary>
public sealed record RuleParseResult(Rule? Rule, IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>Rows that can never match and similar doubts; they do not make the file invalid.</summary>
    public IReadOnlyList<ValidationProblem> Warnings { get; init; } = [];

    public bool IsValid => Rule is not null;
}

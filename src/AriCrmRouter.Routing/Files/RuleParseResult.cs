using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Routing.Files;

/// <summary>The outcome of reading one rule on its own: a rule and no problems, or no rule and every problem found.</summary>
public sealed record RuleParseResult(Rule? Rule, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Rule is not null;
}

namespace AriCrmRouter.Routing.Files;

/// <summary>The outcome of reading one rule on its own: the rule when there is no problem at all.</summary>
public sealed record RuleParseResult(Rule? Rule, IReadOnlyList<ValidationProblem> Problems) : ParseResult(Problems)
{
    public override bool IsValid => Rule is not null;
}

namespace AriCrmRouter.Routing.Files;

/// <summary>The outcome of reading a rule file: a rule set when there is no problem at all.</summary>
public sealed record RuleFileParseResult(RuleSet? RuleSet, IReadOnlyList<ValidationProblem> Problems) : ParseResult(Problems)
{
    public override bool IsValid => RuleSet is not null;
}

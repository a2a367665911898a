namespace AriCrmRouter.Routing.Validation;

/// <summary>
/// One thing wrong with a rule file or rule set. <paramref name="Path"/> locates the value in the file's JSON shape
/// (<c>rules[2].rows[1].operator</c>, indexes from 0), <paramref name="Rule"/> names the rule when it is known.
/// </summary>
public sealed record ValidationProblem(string Path, string? Rule, string Reason)
{
    private const string RulesPrefix = "rules[";

    /// <summary>Reads like <c>rules[2] (vip-status).rows[1].operator: '=&gt;' is not one of &lt;, &gt;, =, &lt;=, &gt;=</c>.</summary>
    public override string ToString()
    {
        if (string.IsNullOrEmpty(Rule))
        {
            return $"{Path}: {Reason}";
        }

        var rule = ProblemText.Shown(Rule);
        var end = Path.StartsWith(RulesPrefix, StringComparison.Ordinal) ? Path.IndexOf(']', StringComparison.Ordinal) + 1 : 0;
        return end > RulesPrefix.Length
            ? $"{Path[..end]} ({rule}){Path[end..]}: {Reason}"
            : $"{Path} ({rule}): {Reason}";
    }
}

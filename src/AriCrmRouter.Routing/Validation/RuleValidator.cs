namespace AriCrmRouter.Routing.Validation;

/// <summary>
/// Semantic checks of rules and DID assignments, shared by the rule file codec, the admin tools and the router.
/// Every problem is reported, not just the first. Limits are in <see cref="RuleLimits"/> and docs/rules.md.
/// Tolerates members left <c>null</c> by careless construction and reports them as missing.
/// </summary>
public static partial class RuleValidator
{
    /// <summary>
    /// Checks a rule set. Paths index <see cref="RuleSet.Rules"/> (ordered by name). A <see cref="RuleSet"/> has
    /// already merged rules with the same name; use the list overload to catch duplicates.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> Validate(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return Validate(ruleSet.Rules, ruleSet.DidAssignments);
    }

    /// <summary>Checks rules in file order (paths <c>rules[i]...</c>), their unique names, and the DID assignments (<c>dids["..."]</c>).</summary>
    public static IReadOnlyList<ValidationProblem> Validate(IReadOnlyList<Rule> rules, IReadOnlyDictionary<string, string> didAssignments)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(didAssignments);
        var problems = new List<ValidationProblem>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var prefix = $"rules[{i}].";
            if (rule is null)
            {
                problems.Add(new ValidationProblem($"rules[{i}]", null, "rule is missing"));
                continue;
            }

            CheckRule(rule, prefix, problems);
            var name = rule.Name?.Trim();
            if (!string.IsNullOrEmpty(name))
            {
                if (seen.TryGetValue(name, out var first))
                {
                    problems.Add(new ValidationProblem(prefix + "name", name, $"name is already used by rules[{first}] (names are compared ignoring case)"));
                }
                else
                {
                    seen.Add(name, i);
                }
            }
        }

        foreach (var (did, ruleName) in didAssignments)
        {
            CheckDid(did, ruleName, seen.ContainsKey(ruleName?.Trim() ?? string.Empty), problems);
        }

        return problems;
    }

    /// <summary>Checks one rule on its own; paths are relative to the rule (<c>rows[0].value</c>).</summary>
    public static IReadOnlyList<ValidationProblem> ValidateRule(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ProblemList.Of(problems => CheckRule(rule, string.Empty, problems));
    }

    /// <summary>Checks one DID assignment against the names of the rules it may point at.</summary>
    public static IReadOnlyList<ValidationProblem> ValidateDidAssignment(string did, string ruleName, IEnumerable<string> existingRuleNames)
    {
        ArgumentNullException.ThrowIfNull(existingRuleNames);
        var exists = existingRuleNames.Contains(ruleName?.Trim() ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        return ProblemList.Of(problems => CheckDid(did, ruleName, exists, problems));
    }

    /// <summary>Whether <paramref name="did"/> is acceptable as a DID key (see <see cref="RuleLimits.MaxDidLength"/>).</summary>
    public static bool IsValidDid(string? did) => did is not null && NamePatterns.Did().IsMatch(did);

    /// <summary>Whether <paramref name="name"/> is acceptable as a rule name.</summary>
    public static bool IsValidRuleName(string? name) => name is not null && NamePatterns.RuleName().IsMatch(name);

    private static void CheckDid(string did, string? ruleName, bool ruleExists, List<ValidationProblem> problems)
    {
        var path = ProblemText.Key("dids", did);
        if (!IsValidDid(did))
        {
            problems.Add(new ValidationProblem(path, null,
                $"'{ProblemText.Shown(did)}' is not a valid DID: up to {RuleLimits.MaxDidLength} of digits, letters, *, #, _, - with an optional leading +"));
        }

        if (string.IsNullOrWhiteSpace(ruleName))
        {
            problems.Add(new ValidationProblem(path, null, "rule name is required"));
        }
        else if (!ruleExists)
        {
            problems.Add(new ValidationProblem(path, ruleName, $"names rule '{ProblemText.Shown(ruleName)}', which does not exist"));
        }
    }
}

using AriCrmRouter.Routing.Evaluation;

namespace AriCrmRouter.Routing.Validation;

/// <summary>
/// Finds rows that are valid but can never match, for warnings: an ordered operator (<c>&lt;</c>, <c>&gt;</c>,
/// <c>&lt;=</c>, <c>&gt;=</c>) compares plain decimal numbers only (<see cref="ValueComparer"/>), so
/// <c>&gt;= 1,000</c> or <c>&gt;= 1e3</c> is false for every CRM value and the call silently takes the next row.
/// Paths are those of <see cref="RuleValidator"/>.
/// </summary>
public static class UnmatchableRows
{
    private const NumberStyles Lenient = NumberStyles.Float | NumberStyles.AllowThousands;

    /// <summary>Warnings for rules in file order (paths <c>rules[i].rows[j].value</c>).</summary>
    public static IReadOnlyList<ValidationProblem> Find(IReadOnlyList<Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var warnings = new List<ValidationProblem>();
        for (var i = 0; i < rules.Count; i++)
        {
            Check(rules[i], $"rules[{i}].", warnings);
        }

        return warnings;
    }

    /// <summary>Warnings for one rule (paths <c>rows[j].value</c>).</summary>
    public static IReadOnlyList<ValidationProblem> FindInRule(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ProblemList.Of(warnings => Check(rule, string.Empty, warnings));
    }

    private static void Check(Rule? rule, string prefix, List<ValidationProblem> warnings)
    {
        if (rule?.Rows is not { } rows)
        {
            return;
        }

        for (var j = 0; j < rows.Count; j++)
        {
            if (rows[j] is not { Value: { } value } row || row.Operator == ComparisonOperator.Equal || !Enum.IsDefined(row.Operator))
            {
                continue;
            }

            var text = value.Trim();
            if (text.Length == 0 || ValueComparer.TryParseNumber(text, out _))
            {
                continue;
            }

            var reason = $"'{row.Operator.ToSymbol()} {ProblemText.Shown(text)}' never matches: ordered operators compare plain decimal numbers only";
            if (decimal.TryParse(text.Replace(" ", string.Empty, StringComparison.Ordinal), Lenient, CultureInfo.InvariantCulture, out var meant))
            {
                reason += $"; write {meant.ToString(CultureInfo.InvariantCulture)}";
            }

            warnings.Add(new ValidationProblem($"{prefix}rows[{j}].value", string.IsNullOrWhiteSpace(rule.Name) ? null : rule.Name, reason));
        }
    }
}

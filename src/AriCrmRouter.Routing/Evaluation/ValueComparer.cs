using System.Globalization;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Routing.Evaluation;

/// <summary>
/// Compares a CRM value with a row's value. Both sides are trimmed. When both are numbers they compare
/// numerically (<c>050 = 50</c>, <c>7 &lt; 50</c>); otherwise only <c>=</c> can match, as a case-insensitive
/// text equality (<c>gold = GOLD</c>), and the ordered operators never match text.
/// </summary>
public static class ValueComparer
{
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static bool Matches(string crmValue, ComparisonOperator op, string rowValue, out string explanation)
    {
        ArgumentNullException.ThrowIfNull(crmValue);
        ArgumentNullException.ThrowIfNull(rowValue);
        var left = crmValue.Trim();
        var right = rowValue.Trim();
        var symbol = op.ToSymbol();

        if (TryParseNumber(left, out var a) && TryParseNumber(right, out var b))
        {
            var cmp = a.CompareTo(b);
            var matched = op switch
            {
                ComparisonOperator.LessThan => cmp < 0,
                ComparisonOperator.GreaterThan => cmp > 0,
                ComparisonOperator.Equal => cmp == 0,
                ComparisonOperator.LessThanOrEqual => cmp <= 0,
                ComparisonOperator.GreaterThanOrEqual => cmp >= 0,
                _ => false,
            };
            explanation = $"numeric {left} {symbol} {right} is {(matched ? "true" : "false")}";
            return matched;
        }

        if (op == ComparisonOperator.Equal)
        {
            var matched = string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
            explanation = $"text '{left}' = '{right}' (ignoring case) is {(matched ? "true" : "false")}";
            return matched;
        }

        explanation = $"'{left}' {symbol} '{right}' is false: ordered operators compare numbers only";
        return false;
    }

    /// <summary>A plain decimal number: optional sign, digits, optional fraction. No exponents, thousands separators or currency.</summary>
    public static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out value);
}

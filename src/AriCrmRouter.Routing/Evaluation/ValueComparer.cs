namespace AriCrmRouter.Routing.Evaluation;

/// <summary>
/// Compares a CRM value with a row's value. Both sides are trimmed. When both are numbers they compare
/// numerically (<c>050 = 50</c>, <c>7 &lt; 50</c>); otherwise only <c>=</c> can match, as a case-insensitive
/// text equality (<c>gold = GOLD</c>), and the ordered operators never match text.
/// </summary>
public static class ValueComparer
{
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private enum Kind
    {
        Numeric,
        Text,
        TextWithOrderedOperator,
    }

    /// <summary>Whether the row matches, with a sentence saying why (for the decision trail).</summary>
    public static bool Matches(string crmValue, ComparisonOperator op, string rowValue, out string explanation)
    {
        ArgumentNullException.ThrowIfNull(crmValue);
        ArgumentNullException.ThrowIfNull(rowValue);
        var left = crmValue.AsSpan().Trim();
        var right = rowValue.AsSpan().Trim();
        var matched = Compare(left, op, right, out var kind);
        explanation = kind switch
        {
            Kind.Numeric => $"numeric {left} {op.ToSymbol()} {right} is {(matched ? "true" : "false")}",
            Kind.Text => $"text '{left}' = '{right}' (ignoring case) is {(matched ? "true" : "false")}",
            _ => $"'{left}' {op.ToSymbol()} '{right}' is false: ordered operators compare numbers only",
        };
        return matched;
    }

    /// <summary>Whether the row matches; allocates nothing (the routing path that keeps no trail).</summary>
    public static bool Matches(string crmValue, ComparisonOperator op, string rowValue)
    {
        ArgumentNullException.ThrowIfNull(crmValue);
        ArgumentNullException.ThrowIfNull(rowValue);
        return Compare(crmValue.AsSpan().Trim(), op, rowValue.AsSpan().Trim(), out _);
    }

    /// <summary>A plain decimal number: optional sign, digits, optional fraction. No exponents, thousands separators or currency.</summary>
    public static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out value);

    private static bool Compare(ReadOnlySpan<char> left, ComparisonOperator op, ReadOnlySpan<char> right, out Kind kind)
    {
        if (decimal.TryParse(left, NumberStyle, CultureInfo.InvariantCulture, out var a) &&
            decimal.TryParse(right, NumberStyle, CultureInfo.InvariantCulture, out var b))
        {
            kind = Kind.Numeric;
            var cmp = a.CompareTo(b);
            return op switch
            {
                ComparisonOperator.LessThan => cmp < 0,
                ComparisonOperator.GreaterThan => cmp > 0,
                ComparisonOperator.Equal => cmp == 0,
                ComparisonOperator.LessThanOrEqual => cmp <= 0,
                ComparisonOperator.GreaterThanOrEqual => cmp >= 0,
                _ => false,
            };
        }

        if (op == ComparisonOperator.Equal)
        {
            kind = Kind.Text;
            return left.Equals(right, StringComparison.OrdinalIgnoreCase);
        }

        kind = Kind.TextWithOrderedOperator;
        return false;
    }
}

namespace AriCrmRouter.Routing.Rules;

/// <summary>The arithmetic operators of a rule row, written in rule files as <c>&lt;</c>, <c>&gt;</c>, <c>=</c>, <c>&lt;=</c>, <c>&gt;=</c>.</summary>
public enum ComparisonOperator
{
    LessThan,
    GreaterThan,
    Equal,
    LessThanOrEqual,
    GreaterThanOrEqual,
}

public static class ComparisonOperatorSymbols
{
    public static string ToSymbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.Equal => "=",
        ComparisonOperator.LessThanOrEqual => "<=",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static bool TryParse(string? symbol, out ComparisonOperator op) => WireNames.TryParse(symbol, ToSymbol, out op);
}

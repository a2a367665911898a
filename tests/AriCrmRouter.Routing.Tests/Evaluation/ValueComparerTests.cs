namespace AriCrmRouter.Routing.Tests.Evaluation;

public class ValueComparerTests
{
    [Theory]
    // Numbers compare numerically with every operator.
    [InlineData("7", "<", "50", true, true)]
    [InlineData("50", "<", "7", false, true)]
    [InlineData("50", "<", "50", false, true)]
    [InlineData("51", ">", "50", true, true)]
    [InlineData("50", ">", "50", false, true)]
    [InlineData("50", "=", "50", true, true)]
    [InlineData("51", "=", "50", false, true)]
    [InlineData("50", "<=", "50", true, true)]
    [InlineData("49", "<=", "50", true, true)]
    [InlineData("51", "<=", "50", false, true)]
    [InlineData("50", ">=", "50", true, true)]
    [InlineData("51", ">=", "50", true, true)]
    [InlineData("49", ">=", "50", false, true)]
    // Leading zeros, decimals and signs.
    [InlineData("050", "=", "50", true, true)]
    [InlineData("0007", "<", "50", true, true)]
    [InlineData("50.0", "=", "50", true, true)]
    [InlineData("49.99", "<", "50", true, true)]
    [InlineData("0.5", ">", ".25", true, true)]
    [InlineData("-5", "<", "0", true, true)]
    [InlineData("-5", ">", "-10", true, true)]
    [InlineData("-0", "=", "0", true, true)]
    [InlineData("+7", "=", "7", true, true)]
    // Whitespace around either side is ignored.
    [InlineData("  7 ", "<", " 50", true, true)]
    [InlineData(" 50\t", "=", "50 ", true, true)]
    // Text with = compares ignoring case and surrounding space.
    [InlineData("GOLD", "=", "GOLD", true, false)]
    [InlineData("gold", "=", "GOLD", true, false)]
    [InlineData("  Gold  ", "=", "gOLD", true, false)]
    [InlineData("GOLD", "=", "SILVER", false, false)]
    [InlineData("GOLD ", "=", "GOLDEN", false, false)]
    [InlineData("", "=", "", true, false)]
    [InlineData("   ", "=", "", true, false)]
    [InlineData("", "=", "GOLD", false, false)]
    // One side a number, the other text: only a text '=' could match, and it does not.
    [InlineData("50", "=", "fifty", false, false)]
    [InlineData("50", "<", "GOLD", false, false)]
    [InlineData("GOLD", ">=", "0", false, false)]
    [InlineData("", "<", "50", false, false)]
    [InlineData("", "=", "0", false, false)]
    [InlineData("50", ">", "", false, false)]
    // Not plain decimals: compared as text.
    [InlineData("1e3", ">", "5", false, false)]
    [InlineData("1,000", ">", "5", false, false)]
    [InlineData("$50", "=", "50", false, false)]
    [InlineData("1e3", "=", "1E3", true, false)]
    [InlineData("0x10", "=", "16", false, false)]
    public void Matches_Values_ComparedNumericallyOnlyWhenBothArePlainDecimals(string crmValue, string op, string rowValue, bool expected, bool numeric)
    {
        Assert.Equal(expected, ValueComparer.Matches(crmValue, Parse(op), rowValue, out var explanation));
        Assert.Equal(numeric, explanation.StartsWith("numeric", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<")]
    [InlineData(">")]
    [InlineData("<=")]
    [InlineData(">=")]
    public void Matches_TextWithOrderedOperator_NeverMatches(string op)
    {
        Assert.False(ValueComparer.Matches("GOLD", Parse(op), "GOLD", out var explanation));
        Assert.False(ValueComparer.Matches("a", Parse(op), "b", out _));
        Assert.False(ValueComparer.Matches("b", Parse(op), "a", out _));
        Assert.Contains("numbers only", explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("50", true)]
    [InlineData("-3.25", true)]
    [InlineData(" 7 ", false)]
    [InlineData("1e3", false)]
    [InlineData("1,000", false)]
    [InlineData("", false)]
    public void TryParseNumber_PlainDecimalsOnly(string text, bool expected)
    {
        Assert.Equal(expected, ValueComparer.TryParseNumber(text, out _));
    }

    private static ComparisonOperator Parse(string symbol)
    {
        Assert.True(ComparisonOperatorSymbols.TryParse(symbol, out var op));
        return op;
    }
}

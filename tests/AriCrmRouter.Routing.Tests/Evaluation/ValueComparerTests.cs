namespace AriCrmRouter.Routing.Tests.Evaluation;

public class ValueComparerTests
{
    [Theory]
    // Numbers compare numerically with every operator.
    [InlineData("7", "<", "50", true)]
    [InlineData("50", "<", "7", false)]
    [InlineData("50", "<", "50", false)]
    [InlineData("51", ">", "50", true)]
    [InlineData("50", ">", "50", false)]
    [InlineData("50", "=", "50", true)]
    [InlineData("51", "=", "50", false)]
    [InlineData("50", "<=", "50", true)]
    [InlineData("49", "<=", "50", true)]
    [InlineData("51", "<=", "50", false)]
    [InlineData("50", ">=", "50", true)]
    [InlineData("51", ">=", "50", true)]
    [InlineData("49", ">=", "50", false)]
    // Leading zeros, decimals and signs.
    [InlineData("050", "=", "50", true)]
    [InlineData("0007", "<", "50", true)]
    [InlineData("50.0", "=", "50", true)]
    [InlineData("49.99", "<", "50", true)]
    [InlineData("0.5", ">", ".25", true)]
    [InlineData("-5", "<", "0", true)]
    [InlineData("-5", ">", "-10", true)]
    [InlineData("-0", "=", "0", true)]
    [InlineData("+7", "=", "7", true)]
    // Whitespace around either side is ignored.
    [InlineData("  7 ", "<", " 50", true)]
    [InlineData(" 50\t", "=", "50 ", true)]
    public void Matches_BothNumbers_ComparesNumerically(string crmValue, string op, string rowValue, bool expected)
    {
        Assert.Equal(expected, ValueComparer.Matches(crmValue, Parse(op), rowValue, out var explanation));
        Assert.StartsWith("numeric", explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GOLD", "GOLD", true)]
    [InlineData("gold", "GOLD", true)]
    [InlineData("  Gold  ", "gOLD", true)]
    [InlineData("GOLD", "SILVER", false)]
    [InlineData("GOLD ", "GOLDEN", false)]
    [InlineData("", "", true)]
    [InlineData("   ", "", true)]
    [InlineData("", "GOLD", false)]
    public void Matches_TextWithEqual_ComparesIgnoringCaseAndSurroundingSpace(string crmValue, string rowValue, bool expected)
    {
        Assert.Equal(expected, ValueComparer.Matches(crmValue, ComparisonOperator.Equal, rowValue, out _));
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
    // One side a number, the other text: only a text '=' could match, and it does not.
    [InlineData("50", "=", "fifty", false)]
    [InlineData("50", "<", "GOLD", false)]
    [InlineData("GOLD", ">=", "0", false)]
    [InlineData("", "<", "50", false)]
    [InlineData("", "=", "0", false)]
    [InlineData("50", ">", "", false)]
    // Not plain decimals: compared as text.
    [InlineData("1e3", ">", "5", false)]
    [InlineData("1,000", ">", "5", false)]
    [InlineData("$50", "=", "50", false)]
    [InlineData("1e3", "=", "1E3", true)]
    [InlineData("0x10", "=", "16", false)]
    public void Matches_MixedOrNonPlainNumbers_FallsBackToText(string crmValue, string op, string rowValue, bool expected)
    {
        Assert.Equal(expected, ValueComparer.Matches(crmValue, Parse(op), rowValue, out _));
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

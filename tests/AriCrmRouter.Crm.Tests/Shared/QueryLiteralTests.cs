namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

/// <summary>How each vendor's query language quotes a caller's value, so that no value can end its literal early.</summary>
public sealed class QueryLiteralTests
{
    [Theory]
    [InlineData("odata", "12345", "'12345'")]
    [InlineData("odata", "O'Brien", "'O''Brien'")]
    [InlineData("odata", "' or 1 eq 1 or '", "''' or 1 eq 1 or '''")]
    [InlineData("soql", "12345", "'12345'")]
    [InlineData("soql", "' OR Name!='", "'\\' OR Name!=\\''")]
    [InlineData("soql", "a\\'b", "'a\\\\\\'b'")]
    [InlineData("soql", "line\nbreak", "'line\\nbreak'")]
    [InlineData("zoho", "12345", "(Account_Number:equals:12345)")]
    [InlineData("zoho", "1)or(Id:equals:2", "(Account_Number:equals:1\\)or\\(Id:equals:2)")]
    [InlineData("zoho", "a,b", "(Account_Number:equals:a\\,b)")]
    [InlineData("zoho", "x\\", "(Account_Number:equals:x\\\\)")]
    public void Literal_QuotesBackslashesAndSyntax_AreEscapedForTheVendor(string language, string value, string expected) =>
        Assert.Equal(expected, Literal(language, value));

    [Fact]
    public void ODataAnyEqual_FieldsAndValues_OrsEveryPair()
    {
        var filter = ODataFilter.AnyEqual(["telephone1", "mobilephone"], ["+1", "2"]);

        Assert.Equal("telephone1 eq '+1' or mobilephone eq '+1' or telephone1 eq '2' or mobilephone eq '2'", filter);
    }

    [Fact]
    public void SoslPhrase_EveryReservedCharacter_IsEscaped()
    {
        const string reserved = "?&|!{}[]()^~*:\\\"'+-";

        var phrase = SalesforceQueryText.SoslPhrase(reserved);

        Assert.Equal("\"" + string.Concat(reserved.Select(c => "\\" + c)) + "\"", phrase);
    }

    /// <summary>OData's quoted literal (Dynamics), a SOQL literal (Salesforce), a Zoho criteria equality.</summary>
    private static string Literal(string language, string value) => language switch
    {
        "odata" => ODataFilter.Literal(value),
        "soql" => SalesforceQueryText.SoqlLiteral(value),
        "zoho" => ZohoCriteria.EqualsCriterion("Account_Number", value),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "no such query language"),
    };
}

using AriCrmRouter.Crm.Connectors.Salesforce;

namespace AriCrmRouter.Crm.Tests.Salesforce;

public sealed class SalesforceQueryTextTests
{
    [Fact]
    public void SoslPhrase_EveryReservedCharacter_IsEscaped()
    {
        const string reserved = "?&|!{}[]()^~*:\\\"'+-";

        var phrase = SalesforceQueryText.SoslPhrase(reserved);

        Assert.Equal("\"" + string.Concat(reserved.Select(c => "\\" + c)) + "\"", phrase);
    }

    [Theory]
    [InlineData("12345", "'12345'")]
    [InlineData("' OR Name!='", "'\\' OR Name!=\\''")]
    [InlineData("a\\'b", "'a\\\\\\'b'")]
    [InlineData("line\nbreak", "'line\\nbreak'")]
    public void SoqlLiteral_QuotesAndBackslashes_AreEscaped(string value, string expected) =>
        Assert.Equal(expected, SalesforceQueryText.SoqlLiteral(value));
}

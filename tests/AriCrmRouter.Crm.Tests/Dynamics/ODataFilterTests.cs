using AriCrmRouter.Crm.Connectors.Dynamics;

namespace AriCrmRouter.Crm.Tests.Dynamics;

public sealed class ODataFilterTests
{
    [Theory]
    [InlineData("12345", "'12345'")]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData("' or 1 eq 1 or '", "''' or 1 eq 1 or '''")]
    public void Literal_Quotes_AreDoubled(string value, string expected) =>
        Assert.Equal(expected, ODataFilter.Literal(value));

    [Fact]
    public void AnyEqual_FieldsAndValues_OrsEveryPair()
    {
        var filter = ODataFilter.AnyEqual(["telephone1", "mobilephone"], ["+1", "2"]);

        Assert.Equal("telephone1 eq '+1' or mobilephone eq '+1' or telephone1 eq '2' or mobilephone eq '2'", filter);
    }
}

using AriCrmRouter.Crm.Connectors.Zoho;

namespace AriCrmRouter.Crm.Tests.Zoho;

public sealed class ZohoCriteriaTests
{
    [Theory]
    [InlineData("12345", "(Account_Number:equals:12345)")]
    [InlineData("1)or(Id:equals:2", "(Account_Number:equals:1\\)or\\(Id:equals:2)")]
    [InlineData("a,b", "(Account_Number:equals:a\\,b)")]
    [InlineData("x\\", "(Account_Number:equals:x\\\\)")]
    public void EqualsCriterion_SpecialCharacters_AreBackslashEscaped(string value, string expected) =>
        Assert.Equal(expected, ZohoCriteria.EqualsCriterion("Account_Number", value));
}

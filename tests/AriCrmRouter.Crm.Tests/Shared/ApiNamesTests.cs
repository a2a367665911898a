namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

public sealed class ApiNamesTests
{
    [Theory]
    [InlineData("Status__c", true)]
    [InlineData("_parentcustomerid_value", true)]
    [InlineData("Account_Name", true)]
    [InlineData("Status:equals:x)or(", false)]
    [InlineData("Id FROM User WHERE", false)]
    [InlineData("name'", false)]
    [InlineData("", false)]
    public void IsIdentifier_QuerySyntax_IsRejected(string name, bool expected) =>
        Assert.Equal(expected, ApiNames.IsIdentifier(name));

    [Theory]
    [InlineData("Account.Name", true)]
    [InlineData("Account..Name", false)]
    [InlineData("Account.Name)", false)]
    public void IsDottedPath_RelationshipPaths_Allowed(string name, bool expected) =>
        Assert.Equal(expected, ApiNames.IsDottedPath(name));
}

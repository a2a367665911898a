namespace AriCrmRouter.Ari.Tests;

public sealed class DialplanLocationTests
{
    [Theory]
    [InlineData("Stasis", "crmrouter", new string[0], true)]
    [InlineData("Stasis", "crmrouter,accounts", new[] { "accounts" }, true)]
    [InlineData("Stasis", "crmrouter, accounts ,x", new[] { "accounts", "x" }, true)]
    [InlineData("Stasis", "", new string[0], true)]
    [InlineData("Stasis", null, new string[0], true)]
    [InlineData("stasis", "crmrouter,accounts", new[] { "accounts" }, true)]
    [InlineData("StasisBroadcast", "1000,^crmrouter-", new string[0], true)]
    [InlineData("StasisBroadcast", "1000,^crmrouter-,accounts", new[] { "accounts" }, true)]
    [InlineData("StasisBroadcast", "1000,^crmrouter-,accounts:high,yes", new[] { "accounts", "high" }, true)]
    [InlineData("StasisBroadcast", "", new string[0], true)]
    [InlineData("Queue", "sales", new string[0], false)]
    [InlineData("", "crmrouter,accounts", new string[0], false)]
    [InlineData(null, null, new string[0], false)]
    public void DialplanLocation_AppNameAndData_InStasisOnlyForBothStasisApplicationsWithTheArgumentsTheyReceive(
        string? appName, string? appData, string[] expectedArgs, bool inStasis)
    {
        var location = new DialplanLocation { AppName = appName, AppData = appData };

        Assert.Equal(inStasis, location.IsInStasis);
        Assert.Equal(expectedArgs, location.StasisArgs);
    }
}

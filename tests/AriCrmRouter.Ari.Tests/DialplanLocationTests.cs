namespace AriCrmRouter.Ari.Tests;

public sealed class DialplanLocationTests
{
    [Theory]
    [InlineData("Stasis", "crmrouter", new string[0])]
    [InlineData("Stasis", "crmrouter,accounts", new[] { "accounts" })]
    [InlineData("Stasis", "crmrouter, accounts ,x", new[] { "accounts", "x" })]
    [InlineData("Stasis", "", new string[0])]
    [InlineData("Stasis", null, new string[0])]
    [InlineData("StasisBroadcast", "1000,^crmrouter-", new string[0])]
    [InlineData("StasisBroadcast", "1000,^crmrouter-,accounts", new[] { "accounts" })]
    [InlineData("StasisBroadcast", "1000,^crmrouter-,accounts:high,yes", new[] { "accounts", "high" })]
    [InlineData("StasisBroadcast", "", new string[0])]
    [InlineData("Queue", "sales", new string[0])]
    public void StasisArgs_AppData_ReturnsWhatTheApplicationReceives(string appName, string? appData, string[] expected)
    {
        Assert.Equal(expected, new DialplanLocation { AppName = appName, AppData = appData }.StasisArgs);
    }

    [Theory]
    [InlineData("Stasis", true)]
    [InlineData("StasisBroadcast", true)]
    [InlineData("stasis", true)]
    [InlineData("Queue", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsInStasis_AppName_TrueForBothStasisApplications(string? appName, bool expected)
    {
        Assert.Equal(expected, new DialplanLocation { AppName = appName }.IsInStasis);
    }
}

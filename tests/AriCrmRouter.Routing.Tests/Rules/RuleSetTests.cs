namespace AriCrmRouter.Routing.Tests.Rules;

public class RuleSetTests
{
    private static readonly RuleSet Set = new(
        [Did("vip-status"), Ivr("Account-IVR")],
        new Dictionary<string, string>
        {
            ["5551000"] = "vip-status",
            ["+15551001"] = "account-ivr",
            ["sales*"] = "VIP-STATUS",
            ["5551009"] = "deleted-rule",
        });

    [Theory]
    [InlineData("5551000", "vip-status")]
    [InlineData(" 5551000 ", "vip-status")]
    [InlineData("+5551000", "vip-status")]
    [InlineData("+15551001", "Account-IVR")]
    [InlineData("SALES*", "vip-status")]
    public void FindByDid_AssignedNumber_FindsRule(string did, string expectedRule)
    {
        Assert.Equal(expectedRule, Set.FindByDid(did)?.Name);
    }

    [Theory]
    [InlineData("15551001")]
    [InlineData("5551001")]
    [InlineData("++5551000")]
    [InlineData("")]
    public void FindByDid_UnassignedForm_ReturnsNull(string did)
    {
        Assert.Null(Set.FindByDid(did));
    }

    [Fact]
    public void FindByDid_AssignmentToMissingRule_ReturnsNull()
    {
        Assert.Null(Set.FindByDid("5551009"));
    }

    [Theory]
    [InlineData("vip-status")]
    [InlineData("VIP-Status")]
    [InlineData(" account-ivr ")]
    public void FindByName_IgnoresCaseAndSurroundingSpace(string name)
    {
        Assert.NotNull(Set.FindByName(name));
    }

    [Fact]
    public void Rules_AreOrderedByNameIgnoringCase()
    {
        Assert.Equal(["Account-IVR", "vip-status"], Set.Rules.Select(rule => rule.Name));
    }

    [Fact]
    public void Empty_HasNoRulesOrDids()
    {
        Assert.Empty(RuleSet.Empty.Rules);
        Assert.Null(RuleSet.Empty.FindByDid("5551000"));
    }
}

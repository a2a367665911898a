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
    [InlineData("15551001", null)] // no form of a number is tried but the one assigned and the one without '+'
    [InlineData("5551001", null)]
    [InlineData("++5551000", null)]
    [InlineData("", null)]
    [InlineData("5551009", null)] // assigned, but to a rule that does not exist
    public void FindByDid_Number_FindsTheAssignedRuleIfAny(string did, string? expectedRule)
    {
        Assert.Equal(expectedRule, Set.FindByDid(did)?.Name);
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

namespace AriCrmRouter.Routing.Tests.Validation;

/// <summary>The DID map: each key a well-formed number, each value the name of a rule (any case, any location).</summary>
public class DidValidationTests
{
    [Theory]
    [InlineData("5551000", "vip-status", true)]
    [InlineData("+15551000", "vip-status", true)]
    [InlineData("sales_line-2", "vip-status", true)]
    [InlineData("*77#", "vip-status", true)]
    [InlineData("5551000", "VIP-Status", true)]
    [InlineData("5551002", "account-ivr", true)]
    [InlineData("5551000", "vip-gold", false)]
    public void Validate_WellFormedDid_AcceptedWhenItNamesAnExistingRule(string did, string rule, bool accepted)
    {
        var problems = RuleValidator.Validate([Did(), Ivr()], new Dictionary<string, string> { [did] = rule });

        Assert.Equal(accepted, problems.Count == 0);
        if (!accepted)
        {
            Assert.Equal($"dids[\"{did}\"] ({rule}): names rule '{rule}', which does not exist", Assert.Single(problems).ToString());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("555 1000")]
    [InlineData("++5551000")]
    [InlineData("555.1000")]
    public void Validate_MalformedDid_Reported(string did)
    {
        var problem = Assert.Single(RuleValidator.Validate([Did()], new Dictionary<string, string> { [did] = "vip-status" }));
        Assert.Equal($"dids[\"{did}\"]", problem.Path);
        Assert.Contains("not a valid DID", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValidDid_LongerThanTheLimit_Rejected()
    {
        Assert.False(RuleValidator.IsValidDid(new string('1', RuleLimits.MaxDidLength + 1)));
        Assert.True(RuleValidator.IsValidDid("+" + new string('1', RuleLimits.MaxDidLength)));
    }

    [Fact]
    public void ValidateDidAssignment_ChecksKeyAndTarget()
    {
        Assert.Empty(RuleValidator.ValidateDidAssignment("5551000", "vip-status", ["VIP-STATUS"]));
        Assert.Equal(2, RuleValidator.ValidateDidAssignment("5 5", "gone", ["vip-status"]).Count);
    }
}

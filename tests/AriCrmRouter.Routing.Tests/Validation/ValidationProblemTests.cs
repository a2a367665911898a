namespace AriCrmRouter.Routing.Tests.Validation;

public class ValidationProblemTests
{
    [Theory]
    [InlineData("rules[2].rows[1].operator", "vip-status", "bad", "rules[2] (vip-status).rows[1].operator: bad")]
    [InlineData("rules[0]", "vip", "bad", "rules[0] (vip): bad")]
    [InlineData("rules[0].name", null, "name is required", "rules[0].name: name is required")]
    [InlineData("$", null, "invalid JSON", "$: invalid JSON")]
    [InlineData("dids[\"5551000\"]", "gone", "missing", "dids[\"5551000\"] (gone): missing")]
    [InlineData("rows[0].value", "vip", "blank", "rows[0].value (vip): blank")]
    public void ToString_ReadsAsPathRuleAndReason(string path, string? rule, string reason, string expected)
    {
        Assert.Equal(expected, new ValidationProblem(path, rule, reason).ToString());
    }
}

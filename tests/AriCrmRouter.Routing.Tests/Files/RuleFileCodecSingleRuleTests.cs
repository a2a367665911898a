namespace AriCrmRouter.Routing.Tests.Files;

public class RuleFileCodecSingleRuleTests
{
    [Fact]
    public void SerializeRule_ThenParseRule_GivesAnEqualRule()
    {
        var original = Ivr();

        var text = RuleFileCodec.SerializeRule(original);
        var parsed = RuleFileCodec.ParseRule(text);

        Assert.Empty(parsed.Problems);
        RuleSetAssert.Equivalent(new RuleSet([original], new Dictionary<string, string>()), new RuleSet([parsed.Rule!], new Dictionary<string, string>()));
    }

    [Fact]
    public void SerializeRule_MatchesTheEntryInAWholeFile()
    {
        var rule = Did();

        var single = RuleFileCodec.SerializeRule(rule);
        var file = RuleFileCodec.Serialize(new RuleSet([rule], new Dictionary<string, string>()));

        var indented = string.Join("\n", single.TrimEnd('\n').Split('\n').Select(line => "    " + line));
        Assert.Contains(indented, file, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRule_Problems_HavePathsRelativeToTheRule()
    {
        const string json = """
            { "name": "vip", "crmField": "status", "location": "did", "greting": "x",
              "crm": { "type": "integration", "connection": "zoho", "module": "Leads" },
              "defaultDestination": { "type": "queue", "target": "1" },
              "rows": [ { "operator": "=>", "value": "A", "destination": { "type": "queue", "target": "2" } } ] }
            """;

        var result = RuleFileCodec.ParseRule(json);

        Assert.Null(result.Rule);
        Assert.Equal(
            ["greting (vip): unknown property 'greting'; did you mean 'greeting'?", "rows[0].operator (vip): '=>' is not one of <, >, =, <=, >="],
            result.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"vip\"")]
    public void ParseRule_NotAnObject_Reported(string json)
    {
        var problem = Assert.Single(RuleFileCodec.ParseRule(json).Problems);
        Assert.Equal("$", problem.Path);
    }

    [Fact]
    public void ParseRule_SyntaxError_Reported()
    {
        var problem = Assert.Single(RuleFileCodec.ParseRule("{ \"name\": ").Problems);
        Assert.StartsWith("invalid JSON at line 1", problem.Reason, StringComparison.Ordinal);
    }
}

namespace AriCrmRouter.Routing.Tests.Validation;

public class UnmatchableRowsTests
{
    [Theory]
    [InlineData(">=", "1,000", true, "1000")]
    [InlineData(">=", "1e3", true, "1000")]
    [InlineData("<", "$50", true, null)]
    [InlineData(">", "gold", true, null)]
    [InlineData("<=", "1 000", true, "1000")]
    [InlineData(">=", "1000", false, null)]
    [InlineData("<", " -2.5 ", false, null)]
    [InlineData("=", "1e3", false, null)] // '=' compares text too
    [InlineData("=", "gold", false, null)]
    public void Find_Row_WarnsOnlyWhenAnOrderedOperatorMeetsAValueThatIsNoPlainNumber(string op, string value, bool neverMatches, string? suggestion)
    {
        var rule = Did("vip", Row("=", "GOLD", Queue("1")), Row(op, value, Queue("2")));

        var warnings = UnmatchableRows.Find([rule]);

        Assert.Equal(neverMatches, warnings.Count == 1);
        if (!neverMatches)
        {
            Assert.Empty(warnings);
            return;
        }

        var warning = warnings[0];
        Assert.Equal("rules[0].rows[1].value", warning.Path);
        Assert.Equal("vip", warning.Rule);
        Assert.Contains("never matches", warning.Reason, StringComparison.Ordinal);
        if (suggestion is not null)
        {
            Assert.Contains($"write {suggestion}", warning.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Find_AnyCrmValue_TheWarnedRowReallyNeverMatches()
    {
        var row = Row(">=", "1e3", Queue("2"));
        string[] crmValues = ["1e3", "1000", "5000", "1e4", "zzz", "1,000", ""];

        Assert.Single(UnmatchableRows.Find([Did("vip", row)]));
        Assert.All(crmValues, crm => Assert.False(ValueComparer.Matches(crm, row.Operator, row.Value, out _)));
    }

    [Fact]
    public void Parse_FileWithUnmatchableRow_IsValidAndCarriesTheWarning()
    {
        const string json = """
            { "rules": [ { "name": "vip", "crmField": "amount", "location": "did",
                "crm": { "type": "custom", "url": "https://crm.example.com/lookup" },
                "defaultDestination": { "type": "queue", "target": "100" },
                "rows": [ { "operator": ">=", "value": "1,000", "destination": { "type": "queue", "target": "103" } } ] } ] }
            """;

        var result = RuleFileCodec.Parse(json);

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("rules[0] (vip).rows[0].value: '>= 1,000' never matches: ordered operators compare plain decimal numbers only; write 1000", warning.ToString());
    }

    [Fact]
    public void ParseRule_UnmatchableRow_WarningPathIsRelativeToTheRule()
    {
        var text = RuleFileCodec.SerializeRule(Did("vip", Row("<", "ten", Queue("2"))));

        var warning = Assert.Single(RuleFileCodec.ParseRule(text).Warnings);

        Assert.Equal("rows[0].value", warning.Path);
    }
}

namespace AriCrmRouter.Routing.Tests.Validation;

public class UnmatchableRowsTests
{
    [Theory]
    [InlineData(">=", "1,000", "1000")]
    [InlineData(">=", "1e3", "1000")]
    [InlineData("<", "$50", null)]
    [InlineData(">", "gold", null)]
    [InlineData("<=", "1 000", "1000")]
    public void Find_OrderedOperatorWithValueThatIsNoPlainNumber_WarnsTheRowNeverMatches(string op, string value, string? suggestion)
    {
        var rule = Did("vip", Row("=", "GOLD", Queue("1")), Row(op, value, Queue("2")));

        var warning = Assert.Single(UnmatchableRows.Find([rule]));

        Assert.Equal("rules[0].rows[1].value", warning.Path);
        Assert.Equal("vip", warning.Rule);
        Assert.Contains("never matches", warning.Reason, StringComparison.Ordinal);
        if (suggestion is not null)
        {
            Assert.Contains($"write {suggestion}", warning.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(">=", "1000")]
    [InlineData("<", " -2.5 ")]
    [InlineData("=", "1e3")]
    [InlineData("=", "gold")]
    public void Find_RowThatCanMatch_NoWarning(string op, string value)
    {
        Assert.Empty(UnmatchableRows.Find([Did("vip", Row(op, value, Queue("2")))]));
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

namespace AriCrmRouter.Routing.Tests.Files;

/// <summary>Files written to break the reader: each must end in a clear problem with a path, never an exception.</summary>
public class HostileRuleFileTests
{
    [Theory]
    [InlineData("vip\\n", "5551000", "103", "status", "rules[0].name")]
    [InlineData("vip", "5551000\\n", "103", "status", "dids[\"5551000\\n\"]")]
    [InlineData("vip", "5551000", "103\\n", "status", "rules[0].rows[0].destination.target")]
    [InlineData("vip", "5551000", "103", "status\\n", "rules[0].crmField")]
    public void Parse_ValueEndingInNewline_IsReportedAtItsPath(string name, string did, string target, string crmField, string path)
    {
        var result = RuleFileCodec.Parse(OneRuleFile(name, did, target, crmField));

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, problem => problem.Path == path);
    }

    [Theory]
    [InlineData("zoho\\n", "Contacts", "crm.connection")]
    [InlineData("zoho", "Contacts\\n", "crm.module")]
    public void ParseRule_IntegrationNameEndingInNewline_IsReported(string connection, string module, string path)
    {
        var json = OneRule().Replace(
            "{ \"type\": \"custom\", \"url\": \"https://crm.example.com/lookup\" }",
            $"{{ \"type\": \"integration\", \"connection\": \"{connection}\", \"module\": \"{module}\" }}",
            StringComparison.Ordinal);

        var result = RuleFileCodec.ParseRule(json);

        Assert.Contains(result.Problems, problem => problem.Path == path);
    }

    [Fact]
    public void IsValidDidAndRuleName_TrailingNewline_Rejected()
    {
        Assert.False(RuleValidator.IsValidDid("5551000\n"));
        Assert.False(RuleValidator.IsValidRuleName("vip\n"));
    }

    [Theory]
    [InlineData("rules[x")]
    [InlineData("rules[99999999999]")]
    [InlineData("rules[")]
    [InlineData("rules[]")]
    [InlineData("rules[-1].name")]
    [InlineData("dids[\\\"5551000\\\"]")]
    public void Parse_TopLevelKeyShapedLikeAPath_ReportedAsAQuotedUnknownProperty(string key)
    {
        var json = OneRuleFile().Replace("\"dids\"", $"\"{key}\": 1, \"zzz\": 2, \"dids\"", StringComparison.Ordinal);

        var result = RuleFileCodec.Parse(json);

        Assert.Equal(2, result.Problems.Count);
        var problem = result.Problems[0];
        Assert.StartsWith("[\"rules[", problem.Path.Replace("[\"dids", "[\"rules", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("unknown property", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.ToString());
    }

    [Fact]
    public void ParseRule_KeyShapedLikeAPath_ReportedWithoutThrowing()
    {
        var crafted = OneRule().Insert(1, " \"rules[99999999999]\": 1,");

        var result = RuleFileCodec.ParseRule(crafted);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("[\"rules[99999999999]\"]", problem.Path);
        Assert.StartsWith("[\"rules[99999999999]\"] (vip): unknown property", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"name\": \"vip\\ud800\"", "\"name\": \"vip\"", "rules[0].name")]
    [InlineData("\"crmField\": \"\\udc00\"", "\"crmField\": \"status\"", "rules[0].crmField")]
    [InlineData("\"greeting\": \"\\ud800\", \"name\": \"vip\"", "\"name\": \"vip\"", "rules[0].greeting")]
    [InlineData("\"dids\": { \"555\\ud800\": \"vip\" }", "\"dids\": { \"5551000\": \"vip\" }", "dids")]
    [InlineData("\"dids\": { \"5551000\": \"vip\\udfff\" }", "\"dids\": { \"5551000\": \"vip\" }", "dids[\"5551000\"]")]
    [InlineData("\"\\ud800x\": 1, \"name\": \"vip\"", "\"name\": \"vip\"", "rules[0]")]
    public void Parse_LoneSurrogateEscape_ReportedAsInvalidTextAtItsPath(string replacement, string original, string path)
    {
        var json = OneRuleFile().Replace(original, replacement, StringComparison.Ordinal);
        Assert.NotEqual(OneRuleFile(), json);

        var result = RuleFileCodec.Parse(json);

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains("not valid Unicode", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRule_LoneSurrogateEscapeInHeaderValue_ReportedWithoutQuotingTheValue()
    {
        const string json = """
            { "name": "vip", "crmField": "status", "location": "did",
              "crm": { "type": "custom", "url": "https://crm.example.com/", "headers": { "X-Api-Key": "secret\udbff" } },
              "defaultDestination": { "type": "queue", "target": "100" },
              "rows": [ { "operator": "=", "value": "GOLD", "destination": { "type": "queue", "target": "103" } } ] }
            """;

        var problem = Assert.Single(RuleFileCodec.ParseRule(json).Problems);

        Assert.Equal("crm.headers[\"X-Api-Key\"]", problem.Path);
        Assert.DoesNotContain("secret", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneSurrogateCharacterInTheText_ReportedAsInvalidText()
    {
        var json = OneRuleFile().Replace("\"vip\"", "\"vip\ud800\"", StringComparison.Ordinal);

        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);

        Assert.Equal("$", problem.Path);
        Assert.Contains("not valid Unicode", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRule_NewlineAsTerminator_ProblemStaysOnOneLine()
    {
        var json = OneRule().Insert(1, " \"dtmf\": { \"terminator\": \"\\n\" },");

        var problem = Assert.Single(RuleFileCodec.ParseRule(json).Problems);

        Assert.Equal("dtmf.terminator (vip): '\\n' is not a DTMF digit (0-9, *, #, A-D)", problem.ToString());
    }

    [Fact]
    public void Parse_LongInvalidToken_SyntaxProblemQuotesOnlyItsStart()
    {
        var problem = Assert.Single(RuleFileCodec.Parse($"{{\"rules\": n{new string('x', 5_000)} }}").Problems);

        Assert.StartsWith("invalid JSON at line 1", problem.Reason, StringComparison.Ordinal);
        Assert.True(problem.ToString().Length < 400, $"{problem.ToString().Length} characters");
    }

    [Fact]
    public void Parse_TwoMegabytePropertyName_ReportedWithinBoundedMemory()
    {
        var name = new string('x', 2 * 1024 * 1024);
        var json = OneRuleFile().Replace("\"location\"", $"\"{name}\": 1, \"location\"", StringComparison.Ordinal);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = RuleFileCodec.Parse(json);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("rules[0][\"xxxx", problem.Path, StringComparison.Ordinal);
        Assert.True(problem.ToString().Length < 500, $"the problem quotes {problem.ToString().Length} characters");
        // The text itself is 4 MB as UTF-16 and 2 MB as UTF-8; the name read back is another 4 MB.
        Assert.True(allocated < 32 * 1024 * 1024, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Parse_LongStringWhereAnObjectBelongs_QuotesOnlyItsStart()
    {
        var value = new string('q', 100_000);
        var json = OneRuleFile().Replace("\"dids\": {", $"\"dids\": \"{value}\", \"x\": {{", StringComparison.Ordinal);

        var result = RuleFileCodec.Parse(json);

        Assert.All(result.Problems, problem => Assert.True(problem.ToString().Length < 500, $"{problem.ToString().Length} characters"));
    }

    /// <summary>A valid file with one rule named "vip"; values are inserted as JSON string contents (escapes allowed).</summary>
    internal static string OneRuleFile(string name = "vip", string did = "5551000", string target = "103", string crmField = "status") =>
        $$"""{ "rules": [ {{OneRule(name, target, crmField)}} ], "dids": { "{{did}}": "vip" } }""";

    /// <summary>A valid rule object named "vip", as <c>rules add</c>-style commands read it.</summary>
    internal static string OneRule(string name = "vip", string target = "103", string crmField = "status") => $$"""
        { "name": "{{name}}", "crmField": "{{crmField}}", "location": "did",
          "crm": { "type": "custom", "url": "https://crm.example.com/lookup" },
          "defaultDestination": { "type": "queue", "target": "100" },
          "rows": [ { "operator": "=", "value": "GOLD", "destination": { "type": "queue", "target": "{{target}}" } } ] }
        """;
}

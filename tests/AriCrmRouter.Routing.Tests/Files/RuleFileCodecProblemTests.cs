using static AriCrmRouter.Routing.Tests.Files.MinimalRuleFile;

namespace AriCrmRouter.Routing.Tests.Files;

/// <summary>Files the codec rejects: every problem with its path, in file order, never echoing a secret.</summary>
public class RuleFileCodecProblemTests
{
    /// <summary>One member of the minimal file replaced: a single problem at its path (and, where given, saying why).</summary>
    [Theory]
    [InlineData(MinimalCrm, "\"crm\": { \"type\": \"custom\", \"url\": \"https://crm.example.com\", \"connection\": \"zoho\" }", "rules[0].crm.connection", null)]
    [InlineData(MinimalCrm, "\"crm\": { \"type\": \"integration\", \"connection\": \"zoho\", \"module\": \"Leads\", \"usePost\": true }", "rules[0].crm.usePost", null)]
    [InlineData("\"type\": \"queue\", \"target\": \"100\"", "\"type\": \"conference\", \"target\": \"100\"", "rules[0].defaultDestination.type", null)] // reported once
    [InlineData("https://crm.example.com/lookup", "crm.example.com/lookup", "rules[0].crm.url", "https://")] // found by the validation after parsing
    [InlineData("\"dids\": {}", "\"dids\": { \"sales\": \"vip\", \"SALES\": \"vip\" }", "dids[\"SALES\"]", null)] // DIDs differing only in case
    public void Parse_OneMemberReplaced_SingleProblemAtItsPath(string original, string replacement, string path, string? reason)
    {
        var json = Minimal(string.Empty).Replace(original, replacement, StringComparison.Ordinal);

        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);
        Assert.Equal(path, problem.Path);
        if (reason is not null)
        {
            Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_SyntaxError_ReportsLineAndPosition()
    {
        const string json = "{\n  \"rules\": [\n    { \"name\": \"a\" \"crmField\": \"x\" }\n  ]\n}";

        var result = RuleFileCodec.Parse(json);

        Assert.Null(result.RuleSet);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("invalid JSON at line 3, position 19: ", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"rules\": [")]
    public void Parse_TruncatedInput_ReportsSyntaxProblem(string json)
    {
        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);
        Assert.StartsWith("invalid JSON at line 1", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RootNotAnObject_Reported()
    {
        var problem = Assert.Single(RuleFileCodec.Parse("[]").Problems);
        Assert.Equal("$", problem.Path);
    }

    [Fact]
    public void Parse_MisspelledProperty_ReportedWithSuggestion()
    {
        var json = Minimal(string.Empty).Replace("\"defaultDestination\"", "\"defualtDestination\"", StringComparison.Ordinal);

        var problems = RuleFileCodec.Parse(json).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "rules[0] (vip).defualtDestination: unknown property 'defualtDestination'; did you mean 'defaultDestination'?",
                "rules[0] (vip).defaultDestination: defaultDestination is required",
            ],
            problems);
    }

    [Theory]
    [InlineData("{ \"rulez\": [] }", "rulez")]
    [InlineData("{ \"rules\": [], \"dids\": {}, \"extra\": 1 }", "extra")]
    public void Parse_UnknownRootProperty_Reported(string json, string path)
    {
        Assert.Contains(RuleFileCodec.Parse(json).Problems, p => p.Path == path && p.Reason.StartsWith("unknown property", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(""", "dtmf": { "maxDigits": "six" }""", "rules[0].dtmf.maxDigits", "expected a whole number, found the string \"six\"")]
    [InlineData(""", "dtmf": { "maxDigits": 2.5 }""", "rules[0].dtmf.maxDigits", "expected a whole number, found the number 2.5")]
    [InlineData(""", "dtmf": { "terminator": "##" }""", "rules[0].dtmf.terminator", "not a single DTMF digit")]
    [InlineData(""", "dtmf": { "digits": 4 }""", "rules[0].dtmf.digits", "unknown property")]
    [InlineData(""", "lookup": { "timeout": 5 }""", "rules[0].lookup.timeout", "did you mean 'timeoutMs'?")]
    [InlineData(""", "lookup": { "timeoutMs": "fast" }""", "rules[0].lookup.timeoutMs", "expected a whole number")]
    [InlineData(""", "lookup": []""", "rules[0].lookup", "expected an object, found an array")]
    [InlineData(""", "location": "phone" """, "rules[0].location", "'phone' is not one of did, ivr")]
    [InlineData(""", "defaultVoicemail": true""", "rules[0].defaultVoicemail", "expected a string, found true")]
    [InlineData(""", "defaultVoicemail": "maybe" """, "rules[0].defaultVoicemail", "not one of yes, no, notSet")]
    [InlineData(""", "greeting": 5""", "rules[0].greeting", "expected a string")]
    public void Parse_MalformedMember_ReportedAtItsPath(string extra, string path, string reason)
    {
        // Members given twice are a problem of their own; these replace the ones in the minimal rule.
        var json = Minimal(extra).Replace("\"location\": \"did\", ", extra.Contains("\"location\"", StringComparison.Ordinal) ? string.Empty : "\"location\": \"did\", ", StringComparison.Ordinal);

        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCrmType_ReportedOnceWithoutRepeatingThatCrmIsMissing()
    {
        var json = Minimal(string.Empty).Replace("\"type\": \"custom\"", "\"type\": \"salesforce\"", StringComparison.Ordinal);

        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);
        Assert.Equal("rules[0] (vip).crm.type: 'salesforce' is not one of custom, integration", problem.ToString());
    }

    [Fact]
    public void Parse_RowNotAnObject_ReportedOnceAndLaterRowsStillChecked()
    {
        var json = Minimal(string.Empty).Replace("\"rows\": [", "\"rows\": [ \"GOLD\", { \"operator\": \"=>\", \"value\": \"1\", \"destination\": { \"type\": \"queue\", \"target\": \"1\" } }, ", StringComparison.Ordinal);

        var problems = RuleFileCodec.Parse(json).Problems;

        Assert.Equal(["rules[0].rows[0]", "rules[0].rows[1].operator"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Parse_HeaderValueNotAString_DoesNotEchoIt()
    {
        var json = Minimal(string.Empty).Replace(MinimalCrm, "\"crm\": { \"type\": \"custom\", \"url\": \"https://crm.example.com\", \"headers\": { \"X-Api-Key\": 123456789 } }", StringComparison.Ordinal);

        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);
        Assert.Equal("rules[0].crm.headers[\"X-Api-Key\"]", problem.Path);
        Assert.DoesNotContain("123456789", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PropertyGivenTwice_Reported()
    {
        var json = Minimal(""", "name": "vip" """);

        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);
        Assert.Equal("rules[0].name", problem.Path);
        Assert.Contains("more than once", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyProblems_RejectsWholeFileAndListsEveryOneInFileOrder()
    {
        const string json = """
            {
              "rules": [
                { "name": "ok", "crmField": "status", "location": "did",
                  "crm": { "type": "integration", "connection": "zoho", "module": "Leads" },
                  "defaultDestination": { "type": "queue", "target": "1" },
                  "rows": [ { "operator": "=", "value": "A", "destination": { "type": "queue", "target": "2" } } ] },
                { "name": "vip-status", "crmField": "status", "location": "did",
                  "crm": { "type": "integration", "connection": "zoho", "module": "Leads" },
                  "defaultDestination": { "type": "queue", "target": "1" },
                  "rows": [
                    { "operator": "=", "value": "A", "destination": { "type": "queue", "target": "2" } },
                    { "operator": "=>", "value": " ", "destination": { "type": "queue", "target": "3 4" } } ] },
                { "crmField": "x", "location": "ivr", "greeting": "../x",
                  "crm": { "type": "custom", "url": "https://h", "usePost": "no" },
                  "defaultDestination": { "type": "queue", "target": "1" }, "rows": [] }
              ],
              "dids": { "100": "OK", "200": "missing", "3 00": "vip-status" }
            }
            """;

        var result = RuleFileCodec.Parse(json);

        Assert.Null(result.RuleSet);
        Assert.Equal(
            [
                "rules[1] (vip-status).rows[1].operator: '=>' is not one of <, >, =, <=, >=",
                "rules[1] (vip-status).rows[1].value: value is required (blank after trimming)",
                "rules[1] (vip-status).rows[1].destination.target: '3 4' is not a valid queue target: 1 to 64 letters, digits, '_' or '-', starting with a letter or digit",
                "rules[2].name: name is required",
                "rules[2].crm.usePost: expected true or false, found the string \"no\"",
                "rules[2].greeting: '../x' must be relative to the sounds directory (no leading '/', no '..')",
                "rules[2].rows: at least one row is required",
                "dids[\"200\"] (missing): names rule 'missing', which does not exist",
                "dids[\"3 00\"]: '3 00' is not a valid DID: up to 64 of digits, letters, *, #, _, - with an optional leading +",
            ],
            result.Problems.Select(p => p.ToString()));
    }
}

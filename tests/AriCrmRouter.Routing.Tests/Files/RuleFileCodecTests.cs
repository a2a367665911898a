namespace AriCrmRouter.Routing.Tests.Files;

public class RuleFileCodecTests
{
    [Fact]
    public void Serialize_ThenParse_GivesAnEqualSet()
    {
        var original = new RuleSet(
            [Did("vip-status", Row("=", "GOLD", Queue("103")), Row("<=", "-2.5", new Destination(DestinationType.Voicemail, "2100"))), Ivr()],
            new Dictionary<string, string> { ["5551000"] = "vip-status", ["+15551002"] = "account-ivr" });

        var text = RuleFileCodec.Serialize(original);
        var parsed = RuleFileCodec.Parse(text);

        Assert.Empty(parsed.Problems);
        Assert.True(parsed.IsValid);
        RuleSetAssert.Equivalent(original, parsed.RuleSet!);
        Assert.Equal(text, RuleFileCodec.Serialize(parsed.RuleSet!));
    }

    [Fact]
    public void Serialize_WritesOperatorsAndPlusSignsReadably()
    {
        var set = new RuleSet([Did("r", Row("<=", "5", Queue("1")), Row(">", "9", Queue("2")))], new Dictionary<string, string> { ["+4420"] = "r" });

        var text = RuleFileCodec.Serialize(set);

        Assert.Contains("\"operator\": \"<=\"", text, StringComparison.Ordinal);
        Assert.Contains("\"+4420\": \"r\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_WithSchemaReference_WritesItFirst()
    {
        var text = RuleFileCodec.Serialize(Set(Did()), "../schema/rules.schema.json");

        Assert.StartsWith("{\n  \"$schema\": \"../schema/rules.schema.json\",\n  \"rules\"", text, StringComparison.Ordinal);
        Assert.True(RuleFileCodec.Parse(text).IsValid);
    }

    [Fact]
    public void Serialize_UnsetOptionalSections_LeftOut()
    {
        var text = RuleFileCodec.Serialize(Set(Did() with { Crm = new IntegrationCrmSource("zoho-eu", "Accounts") }));

        Assert.DoesNotContain("\"dtmf\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"lookup\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"keyField\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"url\"", text, StringComparison.Ordinal);
        Assert.Contains("\"greeting\": null", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OptionalMembersAbsent_TakeDefaults()
    {
        var result = RuleFileCodec.Parse(Minimal(string.Empty));

        var rule = Assert.Single(Assert.IsType<RuleSet>(result.RuleSet).Rules);
        Assert.Null(rule.Greeting);
        Assert.Equal(VoicemailPreference.NotSet, rule.DefaultVoicemail);
        Assert.Null(rule.Dtmf);
        Assert.Equal(LookupSettings.Defaults, rule.Lookup);
        var crm = Assert.IsType<CustomCrmSource>(rule.Crm);
        Assert.False(crm.UsePost);
        Assert.Empty(crm.Headers);
        Assert.Empty(result.RuleSet!.DidAssignments);
    }

    [Fact]
    public void Parse_EmptyDtmfObject_TakesDtmfDefaults()
    {
        var rule = ParseSingleRule(Minimal(""", "dtmf": {}"""));

        Assert.Equal(DtmfSettings.Defaults, rule.Dtmf);
    }

    [Fact]
    public void Parse_TerminatorNull_DisablesTerminatorWhileAbsentKeepsDefault()
    {
        var disabled = ParseSingleRule(Minimal(""", "dtmf": { "terminator": null, "maxDigits": 4 }"""));
        var absent = ParseSingleRule(Minimal(""", "dtmf": { "maxDigits": 4 }"""));

        Assert.Null(disabled.Dtmf!.Terminator);
        Assert.Equal(DtmfSettings.Defaults.Terminator, absent.Dtmf!.Terminator);
        Assert.Equal(4, absent.Dtmf.MaxDigits);
    }

    [Fact]
    public void Parse_LookupMembers_BecomeTimeSpans()
    {
        var rule = ParseSingleRule(Minimal(""", "lookup": { "timeoutMs": 2000, "cacheTtlSeconds": 300, "negativeCacheTtlSeconds": 0 }"""));

        Assert.Equal(new LookupSettings { Timeout = TimeSpan.FromSeconds(2), CacheTtl = TimeSpan.FromMinutes(5), NegativeCacheTtl = TimeSpan.Zero }, rule.Lookup);
    }

    [Fact]
    public void Parse_NumericRowValue_KeptAsWritten()
    {
        var rule = ParseSingleRule(Minimal(string.Empty, rowValue: "50.0"));

        Assert.Equal("50.0", rule.Rows[0].Value);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_Accepted()
    {
        var json = Minimal(string.Empty).Replace("\"rules\"", "// hand-edited\n  \"rules\"", StringComparison.Ordinal).Replace("] }", "], }", StringComparison.Ordinal);

        Assert.True(RuleFileCodec.Parse(json).IsValid);
    }

    [Fact]
    public void Parse_EnumWordsInOtherCase_Accepted()
    {
        var json = Minimal(""", "defaultVoicemail": "YES" """).Replace("\"did\"", "\"DID\"", StringComparison.Ordinal);

        var rule = ParseSingleRule(json);

        Assert.Equal(RuleLocation.Did, rule.Location);
        Assert.Equal(VoicemailPreference.Yes, rule.DefaultVoicemail);
    }

    [Fact]
    public void Parse_EmptyRuleList_GivesEmptySet()
    {
        var result = RuleFileCodec.Parse("""{ "rules": [], "dids": {} }""");

        Assert.Empty(Assert.IsType<RuleSet>(result.RuleSet).Rules);
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
    [InlineData("\"crm\": { \"type\": \"custom\", \"url\": \"https://crm.example.com\", \"connection\": \"zoho\" }", "rules[0].crm.connection")]
    [InlineData("\"crm\": { \"type\": \"integration\", \"connection\": \"zoho\", \"module\": \"Leads\", \"usePost\": true }", "rules[0].crm.usePost")]
    public void Parse_PropertyOfTheOtherCrmKind_Reported(string crm, string path)
    {
        var json = Minimal(string.Empty).Replace(MinimalCrm, crm, StringComparison.Ordinal);

        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);
        Assert.Equal(path, problem.Path);
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
    public void Parse_UnknownDestinationType_ReportedOnce()
    {
        var json = Minimal(string.Empty).Replace("\"type\": \"queue\", \"target\": \"100\"", "\"type\": \"conference\", \"target\": \"100\"", StringComparison.Ordinal);

        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);
        Assert.Equal("rules[0].defaultDestination.type", problem.Path);
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
    public void Parse_RelativeUrl_ReportedByValidation()
    {
        var json = Minimal(string.Empty).Replace("https://crm.example.com/lookup", "crm.example.com/lookup", StringComparison.Ordinal);

        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);
        Assert.Equal("rules[0].crm.url", problem.Path);
        Assert.Contains("https://", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DidsDifferingOnlyInCase_Reported()
    {
        var json = Minimal(string.Empty).Replace("\"dids\": {}", "\"dids\": { \"sales\": \"vip\", \"SALES\": \"vip\" }", StringComparison.Ordinal);

        var problem = Assert.Single(RuleFileCodec.Parse(json).Problems);
        Assert.Equal("dids[\"SALES\"]", problem.Path);
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

    private const string MinimalCrm = "\"crm\": { \"type\": \"custom\", \"url\": \"https://crm.example.com/lookup\" }";

    /// <summary>A valid one-rule file; <paramref name="extraMembers"/> (starting with a comma) is appended to the rule.</summary>
    private static string Minimal(string extraMembers, string rowValue = "\"GOLD\"") => $$"""
        {
          "rules": [
            { "name": "vip", "crmField": "status", "location": "did", {{MinimalCrm}},
              "defaultDestination": { "type": "queue", "target": "100" },
              "rows": [ { "operator": "=", "value": {{rowValue}}, "destination": { "type": "queue", "target": "103" } } ]{{extraMembers}} }
          ],
          "dids": {}
        }
        """;

    private static Rule ParseSingleRule(string json)
    {
        var result = RuleFileCodec.Parse(json);
        Assert.Empty(result.Problems);
        return Assert.Single(result.RuleSet!.Rules);
    }
}

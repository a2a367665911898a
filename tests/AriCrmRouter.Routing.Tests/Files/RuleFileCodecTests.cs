using static AriCrmRouter.Routing.Tests.Files.MinimalRuleFile;

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
}

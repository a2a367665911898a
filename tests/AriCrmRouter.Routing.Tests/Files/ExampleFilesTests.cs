using System.Text.Json.Nodes;

namespace AriCrmRouter.Routing.Tests.Files;

/// <summary>The shipped examples and schema (copied next to the tests) stay in line with the codec.</summary>
public class ExampleFilesTests
{
    private static readonly string ExamplesDirectory = Path.Combine(AppContext.BaseDirectory, "examples");
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "schema", "rules.schema.json");

    public static TheoryData<string> ValidExamples()
    {
        var files = Directory.GetFiles(ExamplesDirectory, "*.json")
            .Where(path => !Path.GetFileName(path).StartsWith("invalid", StringComparison.Ordinal))
            .Select(path => Path.GetFileName(path))
            .ToList();
        Assert.NotEmpty(files);
        return [.. files];
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Parse_ValidExample_HasNoProblems(string fileName)
    {
        var result = RuleFileCodec.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, fileName)));

        Assert.Empty(result.Problems);
        Assert.NotEmpty(result.RuleSet!.Rules);
    }

    [Fact]
    public void Parse_RulesExample_RoutesAsDocumented()
    {
        var set = RuleFileCodec.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, "rules.json"))).RuleSet!;

        var vip = set.FindByDid("5551000")!;
        Assert.Equal(new Destination(DestinationType.Queue, "103"), RuleEvaluator.Evaluate(vip, LookupOutcome.Found("gold")).Destination);
        var value = set.FindByDid("15551001") ?? set.FindByDid("+15551001")!;
        Assert.Equal(new Destination(DestinationType.Queue, "111"), RuleEvaluator.Evaluate(value, LookupOutcome.Found("2500")).Destination);
        Assert.Equal(new Destination(DestinationType.Voicemail, "2001"), RuleEvaluator.Evaluate(value, LookupOutcome.Found("50")).Destination);
        var ivr = set.FindByDid("5551002")!;
        Assert.Equal(RuleLocation.Ivr, ivr.Location);
        Assert.NotNull(ivr.Greeting);
        Assert.Equal("Account_Number", Assert.IsType<IntegrationCrmSource>(ivr.Crm).KeyField);
    }

    [Fact]
    public void Parse_InvalidExample_ListsEveryMistake()
    {
        var result = RuleFileCodec.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, "invalid-rules.json")));

        Assert.Null(result.RuleSet);
        Assert.Equal(
            [
                "rules[0] (vip-status).defualtDestination: unknown property 'defualtDestination'; did you mean 'defaultDestination'?",
                "rules[0] (vip-status).defaultDestination: defaultDestination is required",
                "rules[0] (vip-status).rows[1].operator: '=>' is not one of <, >, =, <=, >=",
                "rules[0] (vip-status).greeting: a greeting is only allowed on ivr rules (did rules are not answered)",
                "rules[0] (vip-status).crm.url: url must start with https://, not http://",
                "rules[0] (vip-status).crm.headers[\"Content-Type\"]: Content-Type is set by the router and cannot be overridden",
                "rules[1] (VIP-status).location: 'phone' is not one of did, ivr",
                "rules[1] (VIP-status).crm.module: module is required",
                "rules[1] (VIP-status).crmField: 'lifetime value' is not a CRM API name: letters, digits, '_' and '.' only",
                "rules[1] (VIP-status).defaultDestination.target: '100; Hangup()' is not a valid queue target: 1 to 64 letters, digits, '_' or '-', starting with a letter or digit",
                "rules[1] (VIP-status).rows: at least one row is required",
                "rules[1] (VIP-status).dtmf.maxDigits: 0 is outside 1..32",
                "rules[1] (VIP-status).dtmf.terminator: 'X' is not a DTMF digit (0-9, *, #, A-D)",
                "rules[1] (VIP-status).name: name is already used by rules[0] (names are compared ignoring case)",
                "dids[\"5551009\"] (no-such-rule): names rule 'no-such-rule', which does not exist",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Schema_DescribesEveryPropertyTheExamplesUse()
    {
        var schemaProperties = new HashSet<string>(StringComparer.Ordinal);
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        CollectSchemaProperties(schema.RootElement, schemaProperties);

        var used = new HashSet<string>(StringComparer.Ordinal);
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, "rules.json")));
        CollectUsedProperties(example.RootElement, used);

        Assert.Empty(used.Except(schemaProperties));
        Assert.Superset(new HashSet<string>(["dtmf", "lookup", "keyField", "greeting", "defaultVoicemail", "usePost", "headers"]), used);
    }

    [Fact]
    public void Schema_PropertiesMatchWhatTheCodecWrites()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var definitions = schema.RootElement.GetProperty("$defs");
        var set = new RuleSet(
            [
                TestRules.Ivr(),
                TestRules.Did() with { DefaultVoicemail = VoicemailPreference.Yes, Lookup = new LookupSettings { Timeout = TimeSpan.FromSeconds(1) } },
            ],
            new Dictionary<string, string> { ["5551000"] = "vip-status" });
        using var written = JsonDocument.Parse(RuleFileCodec.Serialize(set, "../schema/rules.schema.json"));
        var rules = written.RootElement.GetProperty("rules");

        AssertSameNames(schema.RootElement, written.RootElement);
        AssertSameNames(definitions.GetProperty("rule"), rules[0]);
        AssertSameNames(definitions.GetProperty("dtmf"), rules[0].GetProperty("dtmf"));
        AssertSameNames(definitions.GetProperty("lookup"), rules[0].GetProperty("lookup"));
        AssertSameNames(definitions.GetProperty("integrationCrm"), rules[0].GetProperty("crm"));
        AssertSameNames(definitions.GetProperty("customCrm"), rules[1].GetProperty("crm"));
        AssertSameNames(definitions.GetProperty("row"), rules[0].GetProperty("rows")[0]);
        AssertSameNames(definitions.GetProperty("destination"), rules[0].GetProperty("defaultDestination"));
    }

    [Fact]
    public void Schema_RequiredRuleMembers_AreRequiredByTheCodec()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var required = schema.RootElement.GetProperty("$defs").GetProperty("rule").GetProperty("required").EnumerateArray().Select(e => e.GetString()!);
        var valid = RuleFileCodec.Serialize(TestRules.Set(TestRules.Did()));
        Assert.True(RuleFileCodec.Parse(valid).IsValid);

        foreach (var member in required)
        {
            var file = JsonNode.Parse(valid)!;
            file["rules"]![0]!.AsObject().Remove(member);

            var problems = RuleFileCodec.Parse(file.ToJsonString()).Problems;

            Assert.Contains(problems, p => p.Path == $"rules[0].{member}");
        }
    }

    [Fact]
    public void Schema_EveryObjectDeclaresExactlyTheMembersOfTheFileShape()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var definitions = schema.RootElement.GetProperty("$defs");

        AssertDeclares(schema.RootElement, RuleFileMembers.File);
        AssertDeclares(definitions.GetProperty("rule"), RuleFileMembers.Rule);
        AssertDeclares(definitions.GetProperty("row"), RuleFileMembers.Row);
        AssertDeclares(definitions.GetProperty("destination"), RuleFileMembers.Destination);
        AssertDeclares(definitions.GetProperty("customCrm"), RuleFileMembers.CustomCrm);
        AssertDeclares(definitions.GetProperty("integrationCrm"), RuleFileMembers.IntegrationCrm);
        AssertDeclares(definitions.GetProperty("dtmf"), RuleFileMembers.Dtmf);
        AssertDeclares(definitions.GetProperty("lookup"), RuleFileMembers.Lookup);
    }

    [Fact]
    public void Schema_EnumsMatchTheDomain()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var definitions = schema.RootElement.GetProperty("$defs");

        Assert.Equal(
            Enum.GetValues<ComparisonOperator>().Select(op => op.ToSymbol()),
            EnumValues(definitions.GetProperty("row").GetProperty("properties").GetProperty("operator")));
        Assert.Equal(
            Enum.GetValues<DestinationType>().Select(type => type.ToWireName()),
            EnumValues(definitions.GetProperty("destination").GetProperty("properties").GetProperty("type")));
    }

    private static void AssertDeclares(JsonElement schemaObject, IEnumerable<string> members) =>
        Assert.Equal(
            members.Order(StringComparer.Ordinal),
            schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    private static IEnumerable<string> EnumValues(JsonElement property) => property.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

    private static void AssertSameNames(JsonElement schemaObject, JsonElement written)
    {
        var declared = schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var actual = written.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(declared, actual);
    }

    private static void CollectSchemaProperties(JsonElement element, HashSet<string> names) =>
        VisitMembers(element, member =>
        {
            if (member.Name == "properties" && member.Value.ValueKind == JsonValueKind.Object)
            {
                names.UnionWith(member.Value.EnumerateObject().Select(p => p.Name));
            }

            return true;
        });

    /// <summary>Property names of the format; the keys of the DID and header maps are data, not names.</summary>
    private static void CollectUsedProperties(JsonElement element, HashSet<string> names) =>
        VisitMembers(element, member =>
        {
            names.Add(member.Name);
            return member.Name is not ("dids" or "headers");
        });

    /// <summary>Visits every member of every object in the tree, descending into a member's value where <paramref name="visit"/> says so.</summary>
    private static void VisitMembers(JsonElement element, Func<JsonProperty, bool> visit)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (visit(member))
                {
                    VisitMembers(member.Value, visit);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                VisitMembers(item, visit);
            }
        }
    }
}

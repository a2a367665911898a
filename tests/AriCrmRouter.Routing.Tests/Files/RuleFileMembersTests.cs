namespace AriCrmRouter.Routing.Tests.Files;

/// <summary>The reader's vocabulary comes from the written shape, so reader and writer cannot drift apart.</summary>
public class RuleFileMembersTests
{
    [Fact]
    public void Members_CrmKinds_ShareOnlyTheTypeMember()
    {
        Assert.Equal("type", RuleFileMembers.CrmType);
        Assert.Equal(["type"], RuleFileMembers.CustomCrm.Intersect(RuleFileMembers.IntegrationCrm));
        Assert.Equal(["type", "url", "usePost", "headers"], RuleFileMembers.CustomCrm);
        Assert.Equal(["type", "connection", "module", "keyField"], RuleFileMembers.IntegrationCrm);
    }

    [Fact]
    public void Serialize_EveryWrittenMember_IsOneTheReaderAccepts()
    {
        var text = RuleFileCodec.Serialize(TestRules.Set(TestRules.Did(), TestRules.Ivr()));
        using var written = JsonDocument.Parse(text);

        Assert.Equal(RuleFileMembers.File.Where(name => name != "$schema"), Names(written.RootElement));
        foreach (var rule in written.RootElement.GetProperty("rules").EnumerateArray())
        {
            Assert.Subset(RuleFileMembers.Rule.ToHashSet(), Names(rule).ToHashSet());
            var crm = rule.GetProperty("crm");
            var kind = crm.GetProperty("type").GetString() == "custom" ? RuleFileMembers.CustomCrm : RuleFileMembers.IntegrationCrm;
            Assert.Subset(kind.ToHashSet(), Names(crm).ToHashSet());
        }
    }

    [Fact]
    public void Docs_EveryMemberOfTheShape_HasARowInTheFormatReference()
    {
        var reference = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "rules.md"));
        var members = new[]
        {
            RuleFileMembers.File, RuleFileMembers.Rule, RuleFileMembers.Row, RuleFileMembers.Destination,
            RuleFileMembers.AnyCrm, RuleFileMembers.Dtmf, RuleFileMembers.Lookup,
        }.SelectMany(names => names).Distinct(StringComparer.Ordinal);

        var undocumented = members.Where(name => !reference.Contains($"| `{name}` |", StringComparison.Ordinal)).ToList();
        Assert.Equal(Array.Empty<string>(), undocumented);
    }

    [Fact]
    public void Reader_AskingForAMemberTheShapeDoesNotHave_IsADefectNotAProblem()
    {
        using var document = JsonDocument.Parse("""{ "type": "queue", "target": "100" }""");
        var reader = new JsonObjectReader(document.RootElement, "defaultDestination", new ProblemSink(), RuleFileMembers.Destination);

        Assert.Equal("queue", reader.String("type", required: true));
        var defect = Assert.Throws<InvalidOperationException>(() => reader.String("targte", required: true));
        Assert.Contains("'targte'", defect.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);
}

namespace AriCrmRouter.Routing.Files;

/// <summary>
/// Turns a parsed rule file into domain objects, reporting every structural problem and putting placeholders where a
/// value is missing or malformed so that the rest of the file is still read and validated.
/// </summary>
internal sealed partial class RuleFileReader(ProblemSink sink)
{
    public (List<Rule> Rules, Dictionary<string, string> Dids) Read(JsonElement root)
    {
        var rules = new List<Rule>();
        var dids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            sink.Structural(ProblemSink.RootPath, $"expected an object with rules and dids, found {JsonObjectReader.Describe(root)}");
            return (rules, dids);
        }

        var file = new JsonObjectReader(root, string.Empty, sink, RuleFileMembers.File);
        file.String("$schema", required: false);
        if (file.Array("rules", required: true) is { } ruleArray)
        {
            var index = 0;
            foreach (var element in ruleArray.EnumerateArray())
            {
                rules.Add(ReadRule(element, $"rules[{index++}]"));
            }

            sink.CurrentRule = null;
        }

        if (file.Object("dids", required: false) is { } didObject)
        {
            ReadDids(didObject, dids);
        }

        return (rules, dids);
    }

    /// <summary>Reads a document that is a single rule object; paths are relative to the rule.</summary>
    public Rule ReadSingleRule(JsonElement element)
    {
        var rule = ReadRule(element, string.Empty);
        sink.CurrentRule = null;
        return rule;
    }

    private void ReadDids(JsonElement didObject, Dictionary<string, string> dids)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in didObject.EnumerateObject())
        {
            var path = ProblemText.Key("dids", property.Name);
            if (!seen.Add(property.Name))
            {
                sink.Structural(path, "DID appears more than once (DIDs ignore case)");
            }
            else if (property.Value.ValueKind != JsonValueKind.String)
            {
                sink.Structural(path, $"expected a rule name, found {JsonObjectReader.Describe(property.Value)}");
            }
            else
            {
                dids[property.Name] = property.Value.GetString()!;
            }
        }
    }

    private Rule ReadRule(JsonElement element, string path)
    {
        sink.CurrentRule = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            sink.Structural(path.Length == 0 ? ProblemSink.RootPath : path, $"expected a rule object, found {JsonObjectReader.Describe(element)}");
            return Placeholder();
        }

        if (element.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(nameElement.GetString()))
        {
            sink.CurrentRule = nameElement.GetString();
        }

        var rule = new JsonObjectReader(element, path, sink, RuleFileMembers.Rule);
        return new Rule
        {
            Name = rule.String("name", required: true) ?? string.Empty,
            CrmField = rule.String("crmField", required: true) ?? string.Empty,
            Location = ReadLocation(rule),
            Greeting = rule.String("greeting", required: false),
            Crm = ReadCrm(rule)!,
            DefaultDestination = ReadDestination(rule, "defaultDestination")!,
            DefaultVoicemail = ReadVoicemail(rule),
            Rows = ReadRows(rule),
            Dtmf = ReadDtmf(rule),
            Lookup = ReadLookup(rule),
        };
    }

    private static Rule Placeholder() => new()
    {
        Name = string.Empty,
        CrmField = string.Empty,
        Location = RuleLocation.Ivr,
        Crm = null!,
        DefaultDestination = null!,
        Rows = [],
    };

    // Ivr as the placeholder: it accepts a greeting, so no second problem is reported about one.
    private RuleLocation ReadLocation(JsonObjectReader rule) =>
        ReadName(rule, "location", required: true, RuleFileNames.TryParseLocation, "did, ivr", RuleLocation.Ivr);

    private VoicemailPreference ReadVoicemail(JsonObjectReader rule) =>
        ReadName(rule, "defaultVoicemail", required: false, RuleFileNames.TryParseVoicemail, "yes, no, notSet", VoicemailPreference.NotSet);

    private Destination? ReadDestination(JsonObjectReader parent, string name)
    {
        if (parent.Object(name, required: true) is not { } element)
        {
            return null;
        }

        var destination = new JsonObjectReader(element, parent.Child(name), sink, RuleFileMembers.Destination);
        var typeText = destination.String("type", required: true);
        var target = destination.String("target", required: true) ?? string.Empty;
        if (typeText is null)
        {
            return null;
        }

        if (!DestinationTypeNames.TryParse(typeText, out var type))
        {
            sink.Structural(destination.Child("type"), $"'{ProblemText.Shown(typeText)}' is not one of queue, ivr, extension, voicemail, recording");
            return null;
        }

        return new Destination(type, target);
    }

    private List<RuleRow> ReadRows(JsonObjectReader rule)
    {
        var rows = new List<RuleRow>();
        if (rule.Array("rows", required: true) is not { } array)
        {
            return rows;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = rule.Child($"rows[{index++}]");
            if (element.ValueKind != JsonValueKind.Object)
            {
                sink.Structural(path, $"expected a row object, found {JsonObjectReader.Describe(element)}");
                rows.Add(new RuleRow(ComparisonOperator.Equal, string.Empty, null!));
                continue;
            }

            var row = new JsonObjectReader(element, path, sink, RuleFileMembers.Row);
            rows.Add(new RuleRow(ReadOperator(row), ReadRowValue(row), ReadDestination(row, "destination")!));
        }

        return rows;
    }

    private ComparisonOperator ReadOperator(JsonObjectReader row) =>
        ReadName(row, "operator", required: true, ComparisonOperatorSymbols.TryParse, "<, >, =, <=, >=", ComparisonOperator.Equal);

    private delegate bool NameParser<T>(string text, out T value);

    /// <summary>
    /// A member that holds one of a fixed set of names. A missing one (reported when required) or an unknown one
    /// (reported with the names allowed) gives <paramref name="placeholder"/>, so the rest of the file is still read.
    /// </summary>
    private T ReadName<T>(JsonObjectReader owner, string member, bool required, NameParser<T> parse, string allowed, T placeholder)
    {
        var text = owner.String(member, required);
        if (text is null)
        {
            return placeholder;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        sink.Structural(owner.Child(member), $"'{ProblemText.Shown(text)}' is not one of {allowed}");
        return placeholder;
    }

    /// <summary>Row values are text; a bare JSON number is accepted as the text it is written as.</summary>
    private static string ReadRowValue(JsonObjectReader row)
    {
        if (row.TryGet("value", out var value) && value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }

        return row.String("value", required: true) ?? string.Empty;
    }
}

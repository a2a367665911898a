namespace AriCrmRouter.Routing.Files;

internal sealed partial class RuleFileReader
{
    private CrmSource? ReadCrm(JsonObjectReader rule)
    {
        if (rule.Object("crm", required: true) is not { } element)
        {
            return null;
        }

        var path = rule.Child("crm");
        var type = element.TryGetProperty(RuleFileMembers.CrmType, out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString()!.Trim()
            : null;
        if (string.Equals(type, RuleFileNames.CustomCrm, StringComparison.OrdinalIgnoreCase))
        {
            return ReadCustomCrm(new JsonObjectReader(element, path, sink, RuleFileMembers.CustomCrm));
        }

        if (string.Equals(type, RuleFileNames.IntegrationCrm, StringComparison.OrdinalIgnoreCase))
        {
            var crm = new JsonObjectReader(element, path, sink, RuleFileMembers.IntegrationCrm);
            return new IntegrationCrmSource(
                crm.String("connection", required: true) ?? string.Empty,
                crm.String("module", required: true) ?? string.Empty,
                crm.String("keyField", required: false));
        }

        var unknownType = new JsonObjectReader(element, path, sink, RuleFileMembers.AnyCrm);
        if (unknownType.String(RuleFileMembers.CrmType, required: true) is { } text)
        {
            sink.Structural(unknownType.Child(RuleFileMembers.CrmType), $"'{ProblemText.Shown(text)}' is not one of custom, integration");
        }

        return null;
    }

    private CustomCrmSource ReadCustomCrm(JsonObjectReader crm)
    {
        Uri? url = null;
        if (crm.String("url", required: true) is { } text && !Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out url))
        {
            sink.Structural(crm.Child("url"), "url is not a valid URL");
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (crm.Object("headers", required: false) is { } headerObject)
        {
            foreach (var header in headerObject.EnumerateObject())
            {
                var path = ProblemText.Key(crm.Child("headers"), header.Name);
                if (header.Value.ValueKind != JsonValueKind.String)
                {
                    // The value may be a secret: describe its kind only.
                    sink.Structural(path, $"expected a string value, found {header.Value.ValueKind.ToString().ToUpperInvariant()}");
                }
                else if (!headers.TryAdd(header.Name, header.Value.GetString()!))
                {
                    sink.Structural(path, "header appears more than once");
                }
            }
        }

        return new CustomCrmSource(url!, crm.Bool("usePost") ?? false, headers);
    }

    private DtmfSettings? ReadDtmf(JsonObjectReader rule)
    {
        if (rule.Object("dtmf", required: false) is not { } element)
        {
            return null;
        }

        var dtmf = new JsonObjectReader(element, rule.Child("dtmf"), sink, RuleFileMembers.Dtmf);
        var defaults = DtmfSettings.Defaults;
        return new DtmfSettings
        {
            MaxDigits = dtmf.Int("maxDigits") ?? defaults.MaxDigits,
            Terminator = ReadTerminator(dtmf, defaults.Terminator),
            FirstDigitTimeout = Milliseconds(dtmf.Int("firstDigitTimeoutMs")) ?? defaults.FirstDigitTimeout,
            InterDigitTimeout = Milliseconds(dtmf.Int("interDigitTimeoutMs")) ?? defaults.InterDigitTimeout,
        };
    }

    /// <summary>Absent means the default terminator; an explicit <c>null</c> means none.</summary>
    private char? ReadTerminator(JsonObjectReader dtmf, char? defaultTerminator)
    {
        if (!dtmf.Has("terminator"))
        {
            return defaultTerminator;
        }

        var text = dtmf.String("terminator", required: false);
        if (text is null)
        {
            return null;
        }

        if (text.Length == 1)
        {
            return text[0];
        }

        sink.Structural(dtmf.Child("terminator"), $"'{ProblemText.Shown(text)}' is not a single DTMF digit (0-9, *, #, A-D)");
        return defaultTerminator;
    }

    private LookupSettings ReadLookup(JsonObjectReader rule)
    {
        if (rule.Object("lookup", required: false) is not { } element)
        {
            return LookupSettings.Defaults;
        }

        var lookup = new JsonObjectReader(element, rule.Child("lookup"), sink, RuleFileMembers.Lookup);
        return new LookupSettings
        {
            Timeout = Milliseconds(lookup.Int("timeoutMs")),
            CacheTtl = Seconds(lookup.Int("cacheTtlSeconds")),
            NegativeCacheTtl = Seconds(lookup.Int("negativeCacheTtlSeconds")),
        };
    }

    private static TimeSpan? Milliseconds(int? value) => value is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    private static TimeSpan? Seconds(int? value) => value is { } s ? TimeSpan.FromSeconds(s) : null;
}

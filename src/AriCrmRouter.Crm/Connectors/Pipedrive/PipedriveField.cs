namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>
/// One person or organization field from <c>/api/v2/personFields</c>: its code (a 40-character hash for
/// custom fields), display name and, for single/multiple option fields, the option labels by id.
/// </summary>
internal sealed record PipedriveField(string Code, string Name, bool IsCustom, IReadOnlyDictionary<string, string> OptionLabels)
{
    /// <summary>Reads one field definition; v2 says <c>field_code</c>/<c>field_name</c>, v1 said <c>key</c>/<c>name</c>.</summary>
    public static PipedriveField? From(JsonElement element)
    {
        var code = Text(element, "field_code") ?? Text(element, "key");
        if (code is null)
        {
            return null;
        }

        var name = Text(element, "field_name") ?? Text(element, "name") ?? code;
        var isCustom = element.TryGetProperty("is_custom_field", out var custom)
            ? custom.ValueKind == JsonValueKind.True
            : code.Length == 40 && code.All(char.IsAsciiHexDigit);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var option in list.EnumerateArray())
            {
                if (option.TryGetProperty("id", out var id) && Text(option, "label") is { } label)
                {
                    options[id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString() ?? ""] = label;
                }
            }
        }

        return new PipedriveField(code, name, isCustom, options);
    }

    /// <summary>Option ids become their labels (a list of ids for multiple-option fields); other values pass through.</summary>
    public string? Render(JsonElement value)
    {
        if (OptionLabels.Count > 0)
        {
            if (value.ValueKind == JsonValueKind.Number && OptionLabels.TryGetValue(value.GetRawText(), out var label))
            {
                return label;
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                var labels = value.EnumerateArray()
                    .Select(v => OptionLabels.TryGetValue(v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.GetString() ?? "", out var l) ? l : Shared.JsonFieldText.Render(v))
                    .Where(l => l is not null)
                    .ToList();
                return labels.Count == 0 ? null : string.Join(", ", labels);
            }

            if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text)
            {
                var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 0 && parts.All(OptionLabels.ContainsKey))
                {
                    return string.Join(", ", parts.Select(p => OptionLabels[p]));
                }
            }
        }

        return Shared.JsonFieldText.Render(value);
    }

    public bool Matches(string apiName) =>
        string.Equals(Code, apiName, StringComparison.Ordinal) || string.Equals(Name, apiName, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Code})");
}

namespace AriCrmRouter.Crm.Connectors.Dynamics;

/// <summary>
/// Reads a field of a Dynamics record. The Web API returns choices as numbers with their label in the
/// <c>@OData.Community.Display.V1.FormattedValue</c> annotation, lookups as <c>_x_value</c> ids with the name
/// in the same annotation; CRM 2015 returns <c>{"Value":n}</c> option sets and <c>{"Id","Name"}</c> references.
/// </summary>
internal static class DynamicsValueReader
{
    private const string FormattedValue = "@OData.Community.Display.V1.FormattedValue";

    public static string? Read(JsonElement record, string field, string choiceLabels)
    {
        if (!record.TryGetProperty(field, out var raw))
        {
            return null;
        }

        var formatted = record.TryGetProperty(field + FormattedValue, out var label) && label.ValueKind == JsonValueKind.String ? label.GetString() : null;
        if (formatted is null || choiceLabels == "never" || raw.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)
        {
            return JsonFieldText.Render(raw);
        }

        if (choiceLabels == "always" || IsLookup(field) || LooksLikeChoice(raw, formatted))
        {
            return string.IsNullOrWhiteSpace(formatted) ? null : formatted;
        }

        return JsonFieldText.Render(raw);
    }

    private static bool IsLookup(string field) =>
        field.StartsWith('_') && field.EndsWith("_value", StringComparison.Ordinal);

    /// <summary>
    /// Number columns are annotated too (<c>1,250</c>, <c>$1,250.00</c>), so a label is preferred only when the
    /// raw value is an integer (or a list of them, multi-select) and the label has no digits, as choice labels do.
    /// </summary>
    private static bool LooksLikeChoice(JsonElement raw, string formatted)
    {
        var integerValue = raw.ValueKind switch
        {
            JsonValueKind.Number => raw.TryGetInt64(out _),
            JsonValueKind.String => raw.GetString() is { Length: > 0 } text && text.Split(',').All(part => part.Length > 0 && part.All(char.IsAsciiDigit)),
            _ => false,
        };
        return integerValue && !formatted.Any(char.IsAsciiDigit);
    }
}

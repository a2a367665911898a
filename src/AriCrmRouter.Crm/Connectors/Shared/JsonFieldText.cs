namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// Renders a CRM field value as the text rules compare against: strings as they are, numbers in their
/// invariant JSON spelling, booleans as <c>true</c>/<c>false</c>, lookup objects by their display name,
/// value wrappers by their value, lists joined with ", ". Empty and null are "no value". The text keeps
/// <see cref="FieldValueBounds"/> (256 characters, no control characters) or the answer is malformed.
/// </summary>
internal static class JsonFieldText
{
    private static readonly string[] DisplayProperties = ["name", "Name", "label", "Label", "display_value", "value", "Value"];

    /// <summary>
    /// Objects that carry a <c>value</c> next to a <c>label</c> are a labelled value (Pipedrive's
    /// <c>{"label":"work","value":"+1 415..."}</c> phones and emails): the value is the data, the label its kind.
    /// </summary>
    private static readonly string[] LabelledValueProperties = ["value", "Value"];

    public static string? Render(JsonElement value) => RenderUnbounded(value) is { } text ? FieldValueBounds.Require(text) : null;

    private static string? RenderUnbounded(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString();
                return string.IsNullOrWhiteSpace(text) ? null : text;
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Object:
                var labelled = value.TryGetProperty("label", out _) || value.TryGetProperty("Label", out _);
                foreach (var name in labelled ? LabelledValueProperties.Concat(DisplayProperties) : DisplayProperties)
                {
                    if (value.TryGetProperty(name, out var inner))
                    {
                        return RenderUnbounded(inner);
                    }
                }

                return null;
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(RenderUnbounded).Where(item => item is not null).ToList();
                return items.Count == 0 ? null : string.Join(", ", items);
            default:
                return null;
        }
    }

    /// <summary>Follows a dotted path (<c>Account.Name</c>) through nested objects; property names match exactly.</summary>
    public static bool TryGetPath(JsonElement record, string path, out JsonElement value)
    {
        value = record;
        foreach (var segment in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                return false;
            }
        }

        return true;
    }
}

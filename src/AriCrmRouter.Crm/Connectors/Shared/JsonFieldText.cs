using System.Text.Json;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// Renders a CRM field value as the text rules compare against: strings as they are, numbers in their
/// invariant JSON spelling, booleans as <c>true</c>/<c>false</c>, lookup objects by their display name,
/// value wrappers by their value, lists joined with ", ". Empty and null are "no value".
/// </summary>
internal static class JsonFieldText
{
    private static readonly string[] DisplayProperties = ["name", "Name", "label", "Label", "display_value", "value", "Value"];

    public static string? Render(JsonElement value)
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
                foreach (var name in DisplayProperties)
                {
                    if (value.TryGetProperty(name, out var inner))
                    {
                        return Render(inner);
                    }
                }

                return null;
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(Render).Where(item => item is not null).ToList();
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

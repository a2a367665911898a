using System.Globalization;
using System.Text.Json;

namespace AriCrmRouter.Crm.Connectors.SugarCrm;

/// <summary>
/// Reads CRM answers whose field names are only known at run time (the rule's field), and renders a
/// field's JSON value as the invariant string the rule evaluator compares. Shared by the connectors of
/// this folder family (SugarCRM, SuiteCRM, Vtiger, Zendesk, Bullhorn).
/// </summary>
internal static class VendorJson
{
    public static JsonDocument Parse(byte[] body, string connectionName, string step)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw Malformed(connectionName, step, "the answer is not JSON", ex);
        }
    }

    public static CrmLookupException Malformed(string connectionName, string step, string what, Exception? inner = null) =>
        new(CrmFailureKind.MalformedResponse, $"connection '{connectionName}': {step}: {what}", inner);

    /// <summary>Finds a property by name, exactly first, then ignoring case (CRMs differ in how they echo API names).</summary>
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            value = default;
            return false;
        }

        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The value as rule text: strings as they are, numbers and booleans invariant, multi-value fields
    /// comma-joined, related records by their <c>name</c>; <c>null</c> when empty.
    /// </summary>
    public static string? Render(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetDecimal(out var number)
                ? number.ToString(CultureInfo.InvariantCulture)
                : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(Render).Where(v => v is not null)),
            JsonValueKind.Object => TryGetProperty(value, "name", out var name) ? Render(name) : value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }
}

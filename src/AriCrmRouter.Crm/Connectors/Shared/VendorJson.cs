namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// Reads CRM answers whose field names are only known at run time (the rule's field); values are rendered
/// as rule text by <see cref="JsonFieldText.Render"/>.
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

    /// <summary>The first item of <paramref name="root"/>'s <paramref name="listProperty"/> array, <c>null</c> when it is empty; no such array is malformed.</summary>
    public static JsonElement? FirstItem(JsonElement root, string listProperty, string connectionName, string step)
    {
        if (!TryGetProperty(root, listProperty, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(connectionName, step, $"the answer has no '{listProperty}' list");
        }

        return list.GetArrayLength() == 0 ? null : list[0];
    }

    /// <summary>
    /// The value at <paramref name="path"/> in a found record (each step matched as <see cref="TryGetProperty"/> does),
    /// rendered as rule text; a missing or empty value is "not found".
    /// </summary>
    public static LookupOutcome FieldOutcome(JsonElement record, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var value = record;
        foreach (var name in path)
        {
            if (!TryGetProperty(value, name, out value))
            {
                return LookupOutcome.NotFound;
            }
        }

        return JsonFieldText.Render(value) is { } text ? LookupOutcome.Found(text) : LookupOutcome.NotFound;
    }
}

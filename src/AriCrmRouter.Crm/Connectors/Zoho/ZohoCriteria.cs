namespace AriCrmRouter.Crm.Connectors.Zoho;

/// <summary>
/// Zoho search values: <c>(</c>, <c>)</c> and <c>,</c> are escaped with a backslash (Zoho's rule), and so is
/// the backslash itself so that a value ending in <c>\</c> cannot un-escape our closing parenthesis. The
/// result is URL-encoded by the caller.
/// </summary>
internal static class ZohoCriteria
{
    public static string EscapeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '(' or ')' or ',' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary><c>(Field:equals:value)</c> with the value escaped; the field is a checked API name.</summary>
    public static string EqualsCriterion(string field, string value) => $"({field}:equals:{EscapeValue(value)})";
}

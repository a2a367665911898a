namespace AriCrmRouter.Crm.Connectors.Salesforce;

/// <summary>Salesforce's own escaping rules for SOSL search terms and SOQL string literals.</summary>
internal static class SalesforceQueryText
{
    private const string SoslReserved = "?&|!{}[]()^~*:\\\"'+-";

    /// <summary>A SOSL search term as a quoted phrase with every reserved character backslash-escaped.</summary>
    public static string SoslPhrase(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var escaped = new StringBuilder(term.Length + 8).Append('"');
        foreach (var c in term)
        {
            if (SoslReserved.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.Append('"').ToString();
    }

    /// <summary>A SOQL string literal, quotes included: backslash, quotes and control characters escaped.</summary>
    public static string SoqlLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new StringBuilder(value.Length + 8).Append('\'');
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ => c.ToString(),
            });
        }

        return escaped.Append('\'').ToString();
    }
}

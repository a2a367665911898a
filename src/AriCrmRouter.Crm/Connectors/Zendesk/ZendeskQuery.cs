using System.Text;

namespace AriCrmRouter.Crm.Connectors.Zendesk;

/// <summary>
/// Builds Zendesk search queries from caller input. Zendesk's search syntax documents quoting a phrase but
/// no escape character, so a value is quoted and the characters that could end or escape the quotes
/// (<c>"</c>, <c>\</c>) and control characters are dropped; phone numbers are reduced to digits.
/// </summary>
internal static class ZendeskQuery
{
    /// <summary><c>type:user phone:*4155551212</c> (the leading wildcard matches any stored prefix such as +1).</summary>
    public static string? Phone(string digits) =>
        digits.All(char.IsAsciiDigit) && digits.Length > 0 ? $"type:user phone:*{digits}" : null;

    /// <summary><c>type:{type} {field}:"{value}"</c>, or <c>null</c> when nothing usable is left of the value.</summary>
    public static string? FieldEquals(string type, string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = new StringBuilder();
        foreach (var c in value)
        {
            if (c is not ('"' or '\\') && !char.IsControl(c) && !char.IsSurrogate(c))
            {
                quoted.Append(c);
            }
        }

        return quoted.Length == 0 ? null : $"type:{type} {field}:\"{quoted}\"";
    }
}

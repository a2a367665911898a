namespace AriCrmRouter.Crm.Connectors.Zendesk;

/// <summary>
/// Builds Zendesk search queries from caller input. Zendesk's search syntax documents quoting a phrase but
/// no escape character, so a value is quoted and the characters that could end or escape the quotes
/// (<c>"</c>, <c>\</c>) and control characters are dropped; phone numbers are reduced to digits.
/// </summary>
internal static class ZendeskQuery
{
    /// <summary>
    /// The fewest digits a phone search is made with. <c>phone:*digits</c> matches every user whose number ends in
    /// those digits, so a 1-3 digit caller ID (an extension, a short code, a truncated number) would match an
    /// arbitrary user. Seven is the length of a subscriber number in NANP and most European plans, the shortest
    /// suffix that names one line rather than a block of them.
    /// </summary>
    public const int MinimumPhoneDigits = 7;

    /// <summary>
    /// <c>type:user phone:*4155551212</c> (the leading wildcard matches any stored prefix such as +1), or
    /// <c>null</c> (no search: not found) for fewer than <see cref="MinimumPhoneDigits"/> digits.
    /// </summary>
    public static string? Phone(string digits) =>
        digits.All(char.IsAsciiDigit) && digits.Length >= MinimumPhoneDigits ? $"type:user phone:*{digits}" : null;

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

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// Writes caller-supplied text (caller ID, DTMF) as a single-quoted SQL string literal for query languages
/// that take a WHERE clause as text: SuiteCRM 7's <c>get_entry_list</c> query (MySQL or SQL Server) and
/// Vtiger's VTQL (whose lexer reads <c>'(?:[^']|'')+'</c>). Used by the SuiteCRM, Vtiger and Bullhorn (query where) connectors.
/// </summary>
/// <remarks>
/// A quote is doubled, the one escape every SQL dialect and VTQL agree on. Backslashes and control
/// characters cannot be escaped the same way everywhere (MySQL treats a backslash as an escape unless
/// NO_BACKSLASH_ESCAPES is set, VTQL does not), and no phone number or DTMF needs them, so they are dropped.
/// </remarks>
internal static class SqlStringLiteral
{
    /// <summary>The literal with its quotes, or <c>null</c> when nothing usable is left of <paramref name="value"/>.</summary>
    public static string? Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var literal = new StringBuilder(value.Length + 2).Append('\'');
        var kept = 0;
        foreach (var c in value)
        {
            if (c == '\\' || char.IsControl(c) || char.IsSurrogate(c))
            {
                continue;
            }

            literal.Append(c == '\'' ? "''" : c.ToString());
            kept++;
        }

        return kept == 0 ? null : literal.Append('\'').ToString();
    }
}

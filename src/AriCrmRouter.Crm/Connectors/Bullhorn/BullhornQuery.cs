namespace AriCrmRouter.Crm.Connectors.Bullhorn;

/// <summary>
/// Bullhorn's two query languages: Lucene for <c>/search</c> (<c>phone:("..." OR "...") OR mobile:(...)</c>) and the
/// SQL-like <c>where</c> of <c>/query</c> (<c>phone IN ('...', '...') OR mobile IN (...)</c>).
/// </summary>
internal static class BullhornQuery
{
    private const string LuceneSpecials = "+-&|!(){}[]^\"~*?:\\/";

    /// <summary>A quoted Lucene phrase with every Lucene special character backslash-escaped.</summary>
    public static string? LucenePhrase(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var phrase = new StringBuilder(value.Length + 8).Append('"');
        var kept = 0;
        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                continue;
            }

            if (LuceneSpecials.Contains(c, StringComparison.Ordinal))
            {
                phrase.Append('\\');
            }

            phrase.Append(c);
            kept++;
        }

        return kept == 0 ? null : phrase.Append('"').ToString();
    }

    /// <summary>
    /// <c>phone:"a"</c> for one value; <c>phone:("a" OR "b") OR mobile:("a" OR "b")</c> for several (Lucene field
    /// grouping keeps the many spellings of a number short enough for a GET URL); <c>null</c> when no value is usable.
    /// </summary>
    public static string? Lucene(IReadOnlyList<string> fields, IReadOnlyList<string> values) =>
        Join(fields, values.Select(LucenePhrase), (field, literal) => $"{field}:{literal}", (field, list) => $"{field}:({string.Join(" OR ", list)})");

    /// <summary><c>phone='a'</c> for one value, <c>phone IN ('a', 'b') OR mobile IN (..)</c> for several; <c>null</c> when no value is usable.</summary>
    public static string? Where(IReadOnlyList<string> fields, IReadOnlyList<string> values) =>
        Join(fields, values.Select(SqlStringLiteral.Quote), (field, literal) => $"{field}={literal}", (field, list) => $"{field} IN ({string.Join(", ", list)})");

    private static string? Join(IReadOnlyList<string> fields, IEnumerable<string?> literals, Func<string, string, string> one, Func<string, List<string>, string> many)
    {
        var usable = literals.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return usable.Count switch
        {
            0 => null,
            1 => string.Join(" OR ", fields.Select(field => one(field, usable[0]))),
            _ => string.Join(" OR ", fields.Select(field => many(field, usable))),
        };
    }
}

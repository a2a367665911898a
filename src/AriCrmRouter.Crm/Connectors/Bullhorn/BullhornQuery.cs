using System.Text;
using AriCrmRouter.Crm.Connectors.Shared;

namespace AriCrmRouter.Crm.Connectors.Bullhorn;

/// <summary>
/// Bullhorn's two query languages: Lucene for <c>/search</c> (<c>phone:"..." OR mobile:"..."</c>) and the
/// SQL-like <c>where</c> of <c>/query</c> (<c>phone='...' OR mobile='...'</c>).
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

    /// <summary><c>phone:"a" OR phone:"b" OR mobile:"a" ...</c>, or <c>null</c> when no value is usable.</summary>
    public static string? Lucene(IReadOnlyList<string> fields, IReadOnlyList<string> values) =>
        Join(fields, values.Select(LucenePhrase), ":");

    /// <summary><c>phone='a' OR mobile='a' ...</c> with SQL-style literals, or <c>null</c> when no value is usable.</summary>
    public static string? Where(IReadOnlyList<string> fields, IReadOnlyList<string> values) =>
        Join(fields, values.Select(SqlStringLiteral.Quote), "=");

    private static string? Join(IReadOnlyList<string> fields, IEnumerable<string?> literals, string op)
    {
        var usable = literals.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return usable.Count == 0 ? null : string.Join(" OR ", fields.SelectMany(field => usable.Select(literal => $"{field}{op}{literal}")));
    }
}

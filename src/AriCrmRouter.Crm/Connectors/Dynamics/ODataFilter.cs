namespace AriCrmRouter.Crm.Connectors.Dynamics;

/// <summary>OData <c>$filter</c> text: string literals quoted with <c>'</c>, embedded quotes doubled (both OData v2 and v4).</summary>
internal static class ODataFilter
{
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    public static string Equal(string field, string value) => $"{field} eq {Literal(value)}";

    /// <summary><c>a eq 'x' or b eq 'x' or a eq 'y' ...</c>: every field against every value.</summary>
    public static string AnyEqual(IReadOnlyList<string> fields, IReadOnlyList<string> values) =>
        string.Join(" or ", values.SelectMany(value => fields.Select(field => Equal(field, value))));

    /// <summary>
    /// <see cref="AnyEqual"/> split into filters whose URL-encoded text stays within
    /// <paramref name="maxEncodedLength"/> (IIS refuses query strings over 2048 bytes by default), the most
    /// common values first; a single comparison longer than the limit still gets its own filter.
    /// </summary>
    public static List<string> AnyEqualWithin(IReadOnlyList<string> fields, IReadOnlyList<string> values, int maxEncodedLength)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(values);
        var separator = Uri.EscapeDataString(" or ").Length;
        var filters = new List<string>();
        var current = new List<string>();
        var length = 0;
        foreach (var clause in values.SelectMany(value => fields.Select(field => Equal(field, value))))
        {
            var encoded = Uri.EscapeDataString(clause).Length;
            if (current.Count > 0 && length + separator + encoded > maxEncodedLength)
            {
                filters.Add(string.Join(" or ", current));
                current.Clear();
                length = 0;
            }

            length += (current.Count > 0 ? separator : 0) + encoded;
            current.Add(clause);
        }

        if (current.Count > 0)
        {
            filters.Add(string.Join(" or ", current));
        }

        return filters;
    }
}

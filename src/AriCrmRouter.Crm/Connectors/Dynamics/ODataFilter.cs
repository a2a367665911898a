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
}

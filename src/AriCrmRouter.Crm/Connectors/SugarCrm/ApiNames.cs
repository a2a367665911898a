using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Connectors.SugarCrm;

/// <summary>
/// Module and field API names go into URLs and query texts unquoted, so they must be plain identifiers.
/// They come from rules, not from callers, but a typo must not become a query. Shared by the connectors of
/// this folder family (SugarCRM, SuiteCRM, Vtiger, Zendesk, Bullhorn).
/// </summary>
internal static partial class ApiNames
{
    public static string Require(string? name, string what, string connectionName)
    {
        if (string.IsNullOrWhiteSpace(name) || !Identifier().IsMatch(name.Trim()))
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': the {what} '{name}' is not a valid API name (letters, digits and '_')");
        }

        return name.Trim();
    }

    /// <summary>A comma-separated list of API names from a setting.</summary>
    public static IReadOnlyList<string> RequireList(string value, string what, string connectionName) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Require(name, what, connectionName))
            .ToList();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}

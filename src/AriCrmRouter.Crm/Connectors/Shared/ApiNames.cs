using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// Checks module and field API names before they go into a query or a path. They come from rules that an
/// admin wrote, but a name is spliced into query text where escaping does not apply, so only plain
/// identifiers (letters, digits, underscores; dotted paths where the CRM has relationship fields) pass.
/// </summary>
internal static partial class ApiNames
{
    public static bool IsIdentifier(string? name) => name is { Length: > 0 and <= 128 } && Identifier().IsMatch(name);

    public static bool IsDottedPath(string? name) => name is { Length: > 0 and <= 256 } && DottedPath().IsMatch(name);

    /// <summary>The trimmed identifier, or a <see cref="CrmFailureKind.Configuration"/> failure naming <paramref name="what"/>.</summary>
    public static string Require(string? name, string what, string connectionName)
    {
        var trimmed = name?.Trim();
        if (!IsIdentifier(trimmed))
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': the {what} '{name}' is not a valid API name (letters, digits and '_')");
        }

        return trimmed!;
    }

    /// <summary>A comma-separated list of API names from a setting.</summary>
    public static IReadOnlyList<string> RequireList(string value, string what, string connectionName) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Require(name, what, connectionName))
            .ToList();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedPath();
}

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

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedPath();
}

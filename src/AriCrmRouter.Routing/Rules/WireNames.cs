namespace AriCrmRouter.Routing.Rules;

/// <summary>
/// Reads back the word an enum is written as (operators, destination types, locations, voicemail preferences): the
/// value whose name matches, ignoring case and surrounding blanks.
/// </summary>
internal static class WireNames
{
    public static bool TryParse<T>(string? text, Func<T, string> name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(name(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}

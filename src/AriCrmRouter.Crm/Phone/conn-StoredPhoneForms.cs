namespace AriCrmRouter.Crm.Phone;

/// <summary>
/// The spellings people type a number in, built from libphonenumber's digit groups (<c>415 555 0100</c>,
/// <c>20 7946 0018</c>) and the national trunk prefix: separators (space, dash, dot, slash), the area code in
/// parentheses, the <c>+44 (0)20</c> habit, the international prefix <c>00</c> and the NANP <c>1-415-...</c>.
/// CRMs that compare whole stored text can only find a number in a spelling that was asked for.
/// </summary>
internal static class StoredPhoneForms
{
    /// <param name="countryCode">The country calling code, e.g. <c>1</c>, <c>44</c>.</param>
    /// <param name="internationalGroups">The digit groups after the country code in international format.</param>
    /// <param name="nationalGroups">The digit groups of the national format (with the trunk prefix, e.g. <c>020</c>).</param>
    /// <param name="trunkPrefix">The national prefix dialled before the number (<c>0</c>), empty where there is none.</param>
    public static IEnumerable<string> Spellings(string countryCode, IReadOnlyList<string> internationalGroups, IReadOnlyList<string> nationalGroups, string trunkPrefix)
    {
        var plus = "+" + countryCode;
        var nanp = trunkPrefix.Length == 0;
        yield return plus + " " + string.Join(' ', internationalGroups);
        yield return plus + "-" + string.Join('-', internationalGroups);
        yield return plus + "." + string.Join('.', internationalGroups);
        yield return plus + " (" + internationalGroups[0] + ") " + Rest(internationalGroups, nanp);
        if (trunkPrefix.Length > 0)
        {
            yield return plus + " (" + trunkPrefix + ")" + string.Join(' ', internationalGroups);
        }

        yield return "00" + countryCode + " " + string.Join(' ', internationalGroups);
        yield return "00" + countryCode + string.Concat(internationalGroups);
        yield return string.Join('-', nationalGroups);
        yield return string.Join('.', nationalGroups);
        yield return string.Join(' ', nationalGroups);
        if (nationalGroups.Count > 1)
        {
            yield return nationalGroups[0] + "/" + string.Concat(nationalGroups.Skip(1));
            yield return "(" + nationalGroups[0] + ") " + Rest(nationalGroups, nanp);
        }

        if (nanp)
        {
            // Countries without a trunk prefix (NANP) also write the country code as a leading long-distance digit.
            yield return countryCode + "-" + string.Join('-', internationalGroups);
            yield return countryCode + " " + string.Join(' ', internationalGroups);
            yield return countryCode + " (" + internationalGroups[0] + ") " + Rest(internationalGroups, nanp);
        }
    }

    /// <summary>The groups after the first: <c>555-0100</c> where the NANP habit applies, else space-separated.</summary>
    private static string Rest(IReadOnlyList<string> groups, bool nanp) =>
        nanp && groups.Count == 3 ? groups[1] + "-" + groups[2] : string.Join(' ', groups.Skip(1));

    /// <summary>The runs of ASCII digits in <paramref name="formatted"/>.</summary>
    public static List<string> DigitGroups(string formatted)
    {
        var groups = new List<string>();
        var current = new StringBuilder();
        foreach (var c in formatted)
        {
            if (char.IsAsciiDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                groups.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            groups.Add(current.ToString());
        }

        return groups;
    }
}

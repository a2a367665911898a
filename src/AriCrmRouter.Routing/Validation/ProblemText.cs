using System.Text;

namespace AriCrmRouter.Routing.Validation;

/// <summary>
/// Writes text taken from a rule file into problem paths and reasons so that a problem stays one short line whatever
/// the file holds: control characters and unpaired surrogates are escaped, long text is cut, and property names that
/// are not plain identifiers are quoted (a key written as <c>"rules[0]"</c> must not read like a real path).
/// </summary>
internal static class ProblemText
{
    /// <summary>How much of a name or value a problem quotes; longer text is cut and its length given.</summary>
    public const int MaxShownLength = 64;

    /// <summary>The path of member <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Member(string parent, string name)
    {
        if (!IsIdentifier(name))
        {
            return Key(parent, name);
        }

        return parent.Length == 0 ? name : $"{parent}.{name}";
    }

    /// <summary>The path of a key in a map such as <c>dids</c> or <c>headers</c>: <c>dids["5551000"]</c>.</summary>
    public static string Key(string parent, string key) => $"{parent}[\"{Shown(key)}\"]";

    /// <summary>The text escaped (as in JSON) and cut to <see cref="MaxShownLength"/> characters.</summary>
    public static string Shown(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var shown = new StringBuilder(Math.Min(text.Length, MaxShownLength) + 8);
        var end = Math.Min(text.Length, MaxShownLength);
        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            shown.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || !paired || c is '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        if (text.Length > MaxShownLength)
        {
            shown.Append(CultureInfo.InvariantCulture, $"…({text.Length} characters)");
        }

        return shown.ToString();
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length is 0 or > MaxShownLength || !(char.IsAsciiLetter(name[0]) || name[0] is '_' or '$'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
            {
                return false;
            }
        }

        return true;
    }
}

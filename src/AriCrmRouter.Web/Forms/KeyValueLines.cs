namespace AriCrmRouter.Web.Forms;

/// <summary>The connection form's settings and secrets boxes: one <c>key=value</c> per line.</summary>
internal static class KeyValueLines
{
    /// <summary>Parses the lines (blank ones ignored); a line without '=' is a problem, a secret's value never shown.</summary>
    public static Dictionary<string, string> Parse(string? text, List<string> problems, string what)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"{what}: '{(what == "secrets" ? line[..Math.Max(0, equals)] + "=…" : line)}' is not key=value");
                continue;
            }

            pairs[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return pairs;
    }
}

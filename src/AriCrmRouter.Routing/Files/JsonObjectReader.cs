using System.Text.Json;

namespace AriCrmRouter.Routing.Files;

/// <summary>
/// Reads the members of one JSON object for <see cref="RuleFileReader"/>: reports unknown and repeated properties
/// (suggesting the nearest known name, to catch typos) and values of the wrong kind, and keeps going.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _members = new(StringComparer.Ordinal);
    private readonly ProblemSink _sink;

    public JsonObjectReader(JsonElement element, string path, ProblemSink sink, IReadOnlyList<string> knownNames)
    {
        Path = path;
        _sink = sink;
        foreach (var property in element.EnumerateObject())
        {
            if (!knownNames.Contains(property.Name, StringComparer.Ordinal))
            {
                _sink.Unknown(Child(property.Name), UnknownReason(property.Name, knownNames));
            }
            else if (!_members.TryAdd(property.Name, property.Value))
            {
                _sink.Unknown(Child(property.Name), "property appears more than once");
            }
        }
    }

    public string Path { get; }

    public string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public bool Has(string name) => _members.ContainsKey(name);

    /// <summary>The member when present and not JSON null.</summary>
    public bool TryGet(string name, out JsonElement value) =>
        _members.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name, bool required)
    {
        if (!TryGet(name, out var value))
        {
            Missing(name, required);
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        _sink.Structural(Child(name), $"expected a string, found {Describe(value)}");
        return null;
    }

    public int? Int(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        _sink.Structural(Child(name), $"expected a whole number, found {Describe(value)}");
        return null;
    }

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        _sink.Structural(Child(name), $"expected true or false, found {Describe(value)}");
        return null;
    }

    public JsonElement? Object(string name, bool required) => Of(name, JsonValueKind.Object, "an object", required);

    public JsonElement? Array(string name, bool required) => Of(name, JsonValueKind.Array, "an array", required);

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    private JsonElement? Of(string name, JsonValueKind kind, string description, bool required)
    {
        if (!TryGet(name, out var value))
        {
            Missing(name, required);
            return null;
        }

        if (value.ValueKind == kind)
        {
            return value;
        }

        _sink.Structural(Child(name), $"expected {description}, found {Describe(value)}");
        return null;
    }

    private void Missing(string name, bool required)
    {
        if (required)
        {
            _sink.Structural(Child(name), $"{name} is required");
        }
    }

    private static string UnknownReason(string name, IReadOnlyList<string> knownNames)
    {
        var nearest = knownNames
            .Select(known => (known, distance: EditDistance(name.ToUpperInvariant(), known.ToUpperInvariant())))
            .OrderBy(candidate => candidate.distance)
            .FirstOrDefault();
        var hint = nearest.known is not null && nearest.distance <= Math.Max(2, name.Length / 4)
            ? $"; did you mean '{nearest.known}'?"
            : $"; expected one of {string.Join(", ", knownNames)}";
        return $"unknown property '{name}'{hint}";
    }

    /// <summary>Optimal string alignment distance: a swapped pair of letters ("defualt") counts as one edit.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

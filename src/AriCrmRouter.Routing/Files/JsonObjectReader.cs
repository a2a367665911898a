namespace AriCrmRouter.Routing.Files;

/// <summary>
/// Reads the members of one JSON object for <see cref="RuleFileReader"/>: reports unknown and repeated properties
/// (suggesting the nearest known name, to catch typos) and values of the wrong kind, and keeps going.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _members = new(StringComparer.Ordinal);
    private readonly ProblemSink _sink;
    private readonly IReadOnlyList<string> _knownNames;

    public JsonObjectReader(JsonElement element, string path, ProblemSink sink, IReadOnlyList<string> knownNames)
    {
        Path = path;
        _sink = sink;
        _knownNames = knownNames;
        foreach (var property in element.EnumerateObject())
        {
            if (!knownNames.Contains(property.Name, StringComparer.Ordinal))
            {
                // Quoted unless a plain identifier: a key written as "rules[0]" must not read like a real path.
                _sink.Unknown(ProblemText.Member(Path, property.Name), UnknownReason(property.Name, knownNames));
            }
            else if (!_members.TryAdd(property.Name, property.Value))
            {
                _sink.Unknown(Child(property.Name), "property appears more than once");
            }
        }
    }

    public string Path { get; }

    /// <summary>The path of a member the reader knows (or an index it adds, <c>rows[0]</c>).</summary>
    public string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public bool Has(string name) => _members.ContainsKey(Known(name));

    /// <summary>The member when present and not JSON null.</summary>
    public bool TryGet(string name, out JsonElement value) =>
        _members.TryGetValue(Known(name), out value) && value.ValueKind != JsonValueKind.Null;

    // The reader may only ask for members the written shape has (RuleFileMembers): a name it asks for that the
    // writer does not produce is a defect of the reader, caught by every test that reads a file.
    private string Known(string name) =>
        _knownNames.Contains(name, StringComparer.Ordinal)
            ? name
            : throw new InvalidOperationException($"The rule file shape has no member '{name}' here (known: {string.Join(", ", _knownNames)}).");

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
        JsonValueKind.String => $"the string \"{ProblemText.Shown(value.GetString())}\"",
        JsonValueKind.Number => $"the number {ProblemText.Shown(value.GetRawText())}",
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

    /// <summary>
    /// Suggests the nearest known name for a typo. Only names whose length is within the allowed distance are
    /// compared, so a crafted megabyte-long name costs no more than a short one.
    /// </summary>
    private static string UnknownReason(string name, IReadOnlyList<string> knownNames)
    {
        var allowed = Math.Max(2, name.Length / 4);
        string? nearest = null;
        var nearestDistance = int.MaxValue;
        foreach (var known in knownNames)
        {
            if (Math.Abs(known.Length - name.Length) > allowed)
            {
                continue;
            }

            var distance = EditDistance(name.ToUpperInvariant(), known.ToUpperInvariant());
            if (distance < nearestDistance)
            {
                (nearest, nearestDistance) = (known, distance);
            }
        }

        var hint = nearest is not null && nearestDistance <= allowed
            ? $"; did you mean '{nearest}'?"
            : $"; expected one of {string.Join(", ", knownNames)}";
        return $"unknown property '{ProblemText.Shown(name)}'{hint}";
    }

    /// <summary>
    /// Optimal string alignment distance: a swapped pair of letters ("defualt") counts as one edit. Keeps the last
    /// three rows of the table only.
    /// </summary>
    private static int EditDistance(string a, string b)
    {
        var beforeLast = new int[b.Length + 1];
        var last = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            last[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(last[j] + 1, current[j - 1] + 1), last[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforeLast[j - 2] + 1);
                }
            }

            (beforeLast, last, current) = (last, current, beforeLast);
        }

        return last[b.Length];
    }
}

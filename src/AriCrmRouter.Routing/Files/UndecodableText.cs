namespace AriCrmRouter.Routing.Files;

/// <summary>
/// Finds the strings and property names of a parsed document that cannot become .NET strings: JSON allows an escaped
/// unpaired surrogate (<c>"\ud800"</c>), which System.Text.Json accepts while parsing and refuses when the text is read.
/// The reader runs only on documents without any, so it never meets that refusal.
/// </summary>
internal static class UndecodableText
{
    /// <summary>Enough to show what is wrong; a file made of nothing else does not produce an endless list.</summary>
    private const int MaxReported = 20;

    private const string Reason = "is not valid Unicode: it has an unpaired surrogate escape such as \\ud800";

    public static IReadOnlyList<ValidationProblem> Find(JsonElement root)
    {
        var problems = new List<ValidationProblem>();
        Walk(root, string.Empty, problems);
        return problems;
    }

    private static void Walk(JsonElement element, string path, List<ValidationProblem> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (problems.Count >= MaxReported)
                    {
                        return;
                    }

                    if (TryRead(() => property.Name, out var name))
                    {
                        Walk(property.Value, IsMap(path) ? ProblemText.Key(path, name) : ProblemText.Member(path, name), problems);
                    }
                    else
                    {
                        problems.Add(new ValidationProblem(Located(path), null, $"a property name {Reason}"));
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (problems.Count >= MaxReported)
                    {
                        return;
                    }

                    Walk(item, $"{path}[{index++}]", problems);
                }

                break;
            case JsonValueKind.String when !TryRead(element.GetString, out _):
                problems.Add(new ValidationProblem(Located(path), null, $"the text {Reason}"));
                break;
        }
    }

    /// <summary>Objects whose keys are data (DIDs, header names): their members are written <c>dids["5551000"]</c>.</summary>
    private static bool IsMap(string path) =>
        path is "dids" or "crm.headers" || path.EndsWith(".crm.headers", StringComparison.Ordinal);

    private static string Located(string path) => path.Length == 0 ? ProblemSink.RootPath : path;

    private static bool TryRead(Func<string?> read, out string text)
    {
        try
        {
            text = read() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }
}

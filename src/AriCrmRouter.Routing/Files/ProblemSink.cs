namespace AriCrmRouter.Routing.Files;

/// <summary>
/// Collects the problems found while reading a rule file. Structural problems (a missing or malformed value) stand
/// in for the validator's view of the same spot: the reader puts a placeholder there, and the validator's remark
/// about that placeholder would only repeat the problem.
/// </summary>
internal sealed class ProblemSink
{
    /// <summary>The whole document: a problem here (not an object at all) makes every other remark moot.</summary>
    public const string RootPath = "$";

    private readonly List<ValidationProblem> _problems = [];
    private readonly List<string> _structuralPaths = [];

    public string? CurrentRule { get; set; }

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public void Structural(string path, string reason)
    {
        _problems.Add(new ValidationProblem(path, CurrentRule, reason));
        _structuralPaths.Add(path);
    }

    /// <summary>A problem that leaves the value read intact (an unknown or repeated property).</summary>
    public void Unknown(string path, string reason) => _problems.Add(new ValidationProblem(path, CurrentRule, reason));

    /// <summary>Whether the validator's problem at <paramref name="path"/> is about a spot already reported structurally.</summary>
    public bool Covers(string path) => _structuralPaths.Exists(reported => reported == RootPath || Related(reported, path));

    private static bool Related(string a, string b) => IsWithin(a, b) || IsWithin(b, a);

    private static bool IsWithin(string inner, string outer) =>
        inner.Length == outer.Length
            ? string.Equals(inner, outer, StringComparison.Ordinal)
            : inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal) && inner[outer.Length] is '.' or '[';
}

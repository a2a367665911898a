namespace AriCrmRouter.Routing.Files;

/// <summary>
/// What reading a rule file or a single rule gives: the value and no problems, or no value and every problem found.
/// A document is never accepted in part.
/// </summary>
public abstract record ParseResult(IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>Rows that can never match and similar doubts; they do not make the document invalid.</summary>
    public IReadOnlyList<ValidationProblem> Warnings { get; init; } = [];

    public abstract bool IsValid { get; }
}

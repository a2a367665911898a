namespace AriCrmRouter.Routing.Validation;

/// <summary>The one way the checks report: each adds what it finds to a list, which is then handed out read-only.</summary>
internal static class ProblemList
{
    public static IReadOnlyList<ValidationProblem> Of(Action<List<ValidationProblem>> check)
    {
        var found = new List<ValidationProblem>();
        check(found);
        return found;
    }
}

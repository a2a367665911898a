using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Cli.Output;

internal static class ProblemWriter
{
    /// <summary>One line per problem: where (path, rule) and why.</summary>
    public static void Write(TextWriter writer, string heading, IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(problems);
        writer.WriteLine($"{heading} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):");
        foreach (var problem in problems)
        {
            writer.WriteLine($"  {problem}");
        }
    }
}

using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Cli.Output;

internal static class ProblemWriter
{
    /// <summary>One line per problem: where (path, rule) and why; then any warnings.</summary>
    public static void Write(TextWriter writer, string heading, IReadOnlyList<ValidationProblem> problems, IReadOnlyList<ValidationProblem>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(problems);
        writer.WriteLine($"{heading} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):");
        foreach (var problem in problems)
        {
            writer.WriteLine($"  {problem}");
        }

        WriteWarnings(writer, warnings ?? []);
    }

    /// <summary>One line per warning, after whatever the command printed.</summary>
    public static void WriteWarnings(TextWriter writer, IReadOnlyList<ValidationProblem> warnings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var warning in warnings)
        {
            writer.WriteLine($"warning: {warning}");
        }
    }

    /// <summary>True when the change was written; otherwise writes why not (the refusal, or the problems under <paramref name="invalidHeading"/>).</summary>
    public static bool Succeeded(TextWriter writer, RuleChange change, string invalidHeading)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Succeeded)
        {
            return true;
        }

        if (change.Refusal is { } refusal)
        {
            writer.WriteLine(refusal);
        }
        else
        {
            Write(writer, invalidHeading, change.Problems);
        }

        return false;
    }
}

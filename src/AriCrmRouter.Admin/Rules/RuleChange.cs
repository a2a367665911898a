using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Admin.Rules;

/// <summary>
/// What one administrative change produced: the written set and its version, or why nothing was written
/// (<see cref="Problems"/> from validating the resulting set, or <see cref="Refusal"/> such as an unknown name).
/// </summary>
public sealed record RuleChange(
    RuleSet? Written,
    long Version,
    IReadOnlyList<ValidationProblem> Problems,
    string? Refusal,
    bool Conflict = false)
{
    public bool Succeeded => Written is not null;

    public static RuleChange Refused(string reason) => new(null, 0, [], reason);

    /// <summary>The stored set is no longer the version the change was based on; nothing was written.</summary>
    public static RuleChange Conflicted(string reason) => new(null, 0, [], reason, Conflict: true);

    public static RuleChange Invalid(IReadOnlyList<ValidationProblem> problems) => new(null, 0, problems, null);
}

/// <summary>An edit of the stored set: a new set, or a refusal that leaves the store untouched.</summary>
public readonly record struct RuleEdit(RuleSet? Result, string? Refusal)
{
    public static RuleEdit To(RuleSet result) => new(result, null);

    public static RuleEdit Refuse(string reason) => new(null, reason);
}

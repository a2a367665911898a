using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Storage.Rules;

/// <summary>
/// The rule document in Redis cannot be read as a complete, valid rule set. Nothing of it is used: a router
/// keeps the last good set, the admin tool reports the problems.
/// </summary>
public sealed class StoredRuleSetInvalidException : Exception
{
    public StoredRuleSetInvalidException()
    {
        Problems = [];
    }

    public StoredRuleSetInvalidException(string message)
        : base(message)
    {
        Problems = [];
    }

    public StoredRuleSetInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public StoredRuleSetInvalidException(long version, IReadOnlyList<ValidationProblem> problems)
        : base(Describe(version, problems))
    {
        Version = version;
        Problems = problems;
    }

    /// <summary>The version of the invalid document.</summary>
    public long Version { get; }

    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string Describe(long version, IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var first = problems.Count > 0 ? $"; first: {problems[0]}" : string.Empty;
        return $"The rule set stored in Redis (version {version}) is invalid: {problems.Count} problem(s){first}";
    }
}

namespace AriCrmRouter.Storage;

/// <summary>
/// The rule set a running router uses: the last good set read from the store, kept in memory so that
/// calls keep being routed while the store is unreachable.
/// </summary>
public interface IRuleSetProvider
{
    RuleSet Current { get; }

    /// <summary>Version of <see cref="Current"/> in the store (0 before anything was loaded).</summary>
    long Version { get; }
}

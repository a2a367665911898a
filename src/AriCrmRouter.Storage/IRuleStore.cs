using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Storage;

/// <summary>The rule set in force and its version (0 when nothing was ever imported).</summary>
public sealed record StoredRuleSet(RuleSet RuleSet, long Version);

/// <summary>
/// Where admins' rules and DID assignments live. A write replaces the whole set atomically and tells
/// every running router about it.
/// </summary>
public interface IRuleStore
{
    Task<StoredRuleSet> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the rule set (already validated by the caller) in one step; returns the new version.</summary>
    Task<long> ReplaceAsync(RuleSet ruleSet, CancellationToken cancellationToken);
}

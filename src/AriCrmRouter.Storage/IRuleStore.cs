namespace AriCrmRouter.Storage;

/// <summary>The rule set in force and its version (0 when nothing was ever imported).</summary>
public sealed record StoredRuleSet(RuleSet RuleSet, long Version);

/// <summary>
/// Where admins' rules and DID assignments live. A write replaces the whole set atomically and tells
/// every running router about it.
/// </summary>
public interface IRuleStore
{
    /// <summary>
    /// The stored set, or <see cref="RuleSet.Empty"/> and version 0 when nothing was stored. Throws
    /// <see cref="Rules.StoredRuleSetInvalidException"/> when the stored document is not a valid set (never a
    /// partial set) and <see cref="StorageUnavailableException"/> when the store cannot be reached.
    /// </summary>
    Task<StoredRuleSet> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the rule set (already validated by the caller) in one step; returns the new version.</summary>
    Task<long> ReplaceAsync(RuleSet ruleSet, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the rule set only if the stored version is still <paramref name="expectedVersion"/> (0: nothing
    /// stored yet), so a read-modify-write cannot overwrite someone else's change. Returns the new version, or
    /// <c>null</c> when the set changed in between (nothing was written).
    /// </summary>
    Task<long?> TryReplaceAsync(RuleSet ruleSet, long expectedVersion, CancellationToken cancellationToken);
}

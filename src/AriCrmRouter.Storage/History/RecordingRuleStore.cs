namespace AriCrmRouter.Storage.History;

/// <summary>
/// An <see cref="IRuleStore"/> that records each successful write in the <see cref="RedisChangeHistory"/>: who,
/// the new version with its whole document, and what changed compared with the set it replaced. The record is
/// queued in the MULTI/EXEC that writes the version, so there is never a version without its record, nor a record
/// of a write that did not happen.
/// </summary>
internal sealed class RecordingRuleStore(RedisRuleStore inner, RedisChangeHistory history, string actor) : IRuleStore
{
    private const int MaxAttempts = 10;

    public Task<StoredRuleSet> LoadAsync(CancellationToken cancellationToken) => inner.LoadAsync(cancellationToken);

    /// <summary>Unconditional, yet recorded: written over the version read just before (read again if it moved meanwhile).</summary>
    public async Task<long> ReplaceAsync(RuleSet ruleSet, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = (await inner.ReadRevisionAsync(cancellationToken)).Version;
            if (await TryReplaceAsync(ruleSet, current, cancellationToken) is { } version)
            {
                return version;
            }
        }

        throw new InvalidOperationException($"The stored rule set kept changing while it was being replaced ({MaxAttempts} attempts); nothing was written.");
    }

    public async Task<long?> TryReplaceAsync(RuleSet ruleSet, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var summary = RuleSetDiff.Describe(await TryLoadAsync(cancellationToken), ruleSet);
        var sequence = await history.NextSequenceAsync(cancellationToken);
        var version = await inner.TryReplaceAsync(
            ruleSet,
            expectedVersion,
            (transaction, next, document) => history.AddRuleSetRecord(transaction, sequence, next, document, actor, summary),
            cancellationToken);
        if (version is not null)
        {
            await history.TrimAsync(cancellationToken);
        }

        return version;
    }

    // The set being replaced, to describe the change; a stored set that no longer reads is described as empty.
    private async Task<RuleSet> TryLoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await inner.LoadAsync(cancellationToken)).RuleSet;
        }
        catch (StoredRuleSetInvalidException)
        {
            return RuleSet.Empty;
        }
    }
}

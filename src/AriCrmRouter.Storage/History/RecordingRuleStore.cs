using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Storage.Rules;

namespace AriCrmRouter.Storage.History;

/// <summary>
/// An <see cref="IRuleStore"/> that records each successful write in the <see cref="RedisChangeHistory"/>:
/// who, the new version with its whole document, and what changed compared with the set it replaced.
/// </summary>
internal sealed class RecordingRuleStore(IRuleStore inner, RedisChangeHistory history, string actor) : IRuleStore
{
    public Task<StoredRuleSet> LoadAsync(CancellationToken cancellationToken) => inner.LoadAsync(cancellationToken);

    public async Task<long> ReplaceAsync(RuleSet ruleSet, CancellationToken cancellationToken)
    {
        var previous = await TryLoadAsync(cancellationToken);
        var version = await inner.ReplaceAsync(ruleSet, cancellationToken);
        await history.RecordRuleSetAsync(version, ruleSet, actor, RuleSetDiff.Describe(previous, ruleSet), cancellationToken);
        return version;
    }

    public async Task<long?> TryReplaceAsync(RuleSet ruleSet, long expectedVersion, CancellationToken cancellationToken)
    {
        var previous = await TryLoadAsync(cancellationToken);
        var version = await inner.TryReplaceAsync(ruleSet, expectedVersion, cancellationToken);
        if (version is { } written)
        {
            await history.RecordRuleSetAsync(written, ruleSet, actor, RuleSetDiff.Describe(previous, ruleSet), cancellationToken);
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

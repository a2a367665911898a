using System.Globalization;
using System.Text.Json;
using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Storage.Redis;
using AriCrmRouter.Storage.Rules;
using AriCrmRouter.Storage.Secrets;
using StackExchange.Redis;

namespace AriCrmRouter.Storage.History;

/// <summary>
/// The change history: a bounded list of <see cref="ChangeRecord"/>s (newest first) and, for every rule-set
/// version written through a <see cref="RecordingRuleStore"/>, the whole document of that version, so that
/// any recorded version can be shown and restored. A record is written right after the change it describes
/// (not in the same transaction): a crash in between loses the record, never the change. Custom CRM header
/// values in the recorded documents are encrypted like those of the live rule set.
/// </summary>
public sealed class RedisChangeHistory(RedisConnection redis, SecretProtector protector, TimeProvider time)
{
    /// <summary>Records kept; older ones (and their documents) are dropped.</summary>
    public const int MaxRecords = 1000;

    private string SequenceKey => redis.Keys.Prefix + "history:sequence";

    private string RecordsKey => redis.Keys.Prefix + "history:records";

    private string DocumentsKey => redis.Keys.Prefix + "history:rules";

    /// <summary>A rule store that records every successful write as made by <paramref name="actor"/>.</summary>
    public IRuleStore Recording(IRuleStore inner, string actor) => new RecordingRuleStore(inner, this, actor);

    /// <summary>A connection store that records every save and delete as made by <paramref name="actor"/> (no secrets).</summary>
    public ICrmConnectionStore Recording(ICrmConnectionStore inner, string actor) => new RecordingConnectionStore(inner, this, actor);

    public async Task RecordRuleSetAsync(long version, RuleSet ruleSet, string actor, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var document = RuleDocument.Serialize(ruleSet, protector);
        await RedisCalls.RunAsync(
            redis,
            db => db.HashSetAsync(DocumentsKey, version.ToString(CultureInfo.InvariantCulture), document),
            cancellationToken);
        await AppendAsync(actor, ChangeSubjects.Rules, summary, version, cancellationToken);
    }

    public Task RecordAsync(string actor, string subject, string summary, CancellationToken cancellationToken) =>
        AppendAsync(actor, subject, summary, null, cancellationToken);

    /// <summary>The newest records first.</summary>
    public async Task<IReadOnlyList<ChangeRecord>> ListAsync(int count, CancellationToken cancellationToken)
    {
        var values = await RedisCalls.RunAsync(redis, db => db.ListRangeAsync(RecordsKey, 0, Math.Clamp(count, 1, MaxRecords) - 1), cancellationToken);
        return [.. values
            .Select(v => JsonSerializer.Deserialize(v.ToString(), AdminJsonContext.Default.ChangeRecord))
            .OfType<ChangeRecord>()];
    }

    /// <summary>The rule set as written at <paramref name="version"/>, or null when that version was not recorded.</summary>
    public async Task<RuleSet?> LoadRuleVersionAsync(long version, CancellationToken cancellationToken)
    {
        var value = await RedisCalls.RunAsync(
            redis,
            db => db.HashGetAsync(DocumentsKey, version.ToString(CultureInfo.InvariantCulture)),
            cancellationToken);
        return value.IsNull ? null : RuleDocument.Parse(value.ToString(), version, protector);
    }

    private async Task AppendAsync(string actor, string subject, string summary, long? version, CancellationToken cancellationToken)
    {
        var sequence = await RedisCalls.RunAsync(redis, db => db.StringIncrementAsync(SequenceKey), cancellationToken);
        var record = new ChangeRecord(sequence, time.GetUtcNow(), actor, subject, summary, version);
        var json = JsonSerializer.Serialize(record, AdminJsonContext.Default.ChangeRecord);
        var dropped = await RedisCalls.RunAsync(
            redis,
            async db =>
            {
                await db.ListLeftPushAsync(RecordsKey, json);
                var old = await db.ListRangeAsync(RecordsKey, MaxRecords, -1);
                await db.ListTrimAsync(RecordsKey, 0, MaxRecords - 1);
                return old;
            },
            cancellationToken);
        var droppedVersions = dropped
            .Select(v => JsonSerializer.Deserialize(v.ToString(), AdminJsonContext.Default.ChangeRecord)?.RuleVersion)
            .OfType<long>()
            .Select(v => (RedisValue)v.ToString(CultureInfo.InvariantCulture))
            .ToArray();
        if (droppedVersions.Length > 0)
        {
            await RedisCalls.RunAsync(redis, db => db.HashDeleteAsync(DocumentsKey, droppedVersions), cancellationToken);
        }
    }
}

namespace AriCrmRouter.Storage.History;

/// <summary>
/// The change history: a bounded list of <see cref="ChangeRecord"/>s (newest first) and, for every rule-set
/// version written through a <see cref="RecordingRuleStore"/>, the whole document of that version, so that
/// any recorded version can be shown and restored. A rule-set version and its record (and document) are written
/// in one MULTI/EXEC (<see cref="RecordingRuleStore"/>); a connection's record is written right after the change
/// (a crash in between loses that record, never the change). Custom CRM header values in the recorded documents
/// are encrypted like those of the live rule set.
/// </summary>
public sealed class RedisChangeHistory(RedisConnection redis, SecretProtector protector, TimeProvider time)
{
    /// <summary>Records kept; older ones (and their documents) are dropped.</summary>
    public const int MaxRecords = 1000;

    private string SequenceKey => redis.Keys.Prefix + "history:sequence";

    private string RecordsKey => redis.Keys.Prefix + "history:records";

    private string DocumentsKey => redis.Keys.Prefix + "history:rules";

    /// <summary>A rule store that records every successful write as made by <paramref name="actor"/>.</summary>
    public IRuleStore Recording(RedisRuleStore inner, string actor) => new RecordingRuleStore(inner, this, actor);

    /// <summary>A connection store that records every save and delete as made by <paramref name="actor"/> (no secrets).</summary>
    public ICrmConnectionStore Recording(ICrmConnectionStore inner, string actor) => new RecordingConnectionStore(inner, this, actor);

    /// <summary>A fresh record number (taken before the write it numbers: a write that fails leaves a gap, nothing else).</summary>
    internal Task<long> NextSequenceAsync(CancellationToken cancellationToken) =>
        RedisCalls.RunAsync(redis, db => db.StringIncrementAsync(SequenceKey), cancellationToken);

    /// <summary>Queues, in the transaction that writes rule-set <paramref name="version"/>, its document and its record.</summary>
    internal void AddRuleSetRecord(ITransaction transaction, long sequence, long version, string document, string actor, string summary)
    {
        var record = new ChangeRecord(sequence, time.GetUtcNow(), actor, ChangeSubjects.Rules, summary, version);
        _ = transaction.HashSetAsync(DocumentsKey, version.ToString(CultureInfo.InvariantCulture), document);
        _ = transaction.ListLeftPushAsync(RecordsKey, JsonSerializer.Serialize(record, StorageJsonContext.Default.ChangeRecord));
    }

    public Task RecordAsync(string actor, string subject, string summary, CancellationToken cancellationToken) =>
        AppendAsync(actor, subject, summary, null, cancellationToken);

    /// <summary>The newest records first.</summary>
    public async Task<IReadOnlyList<ChangeRecord>> ListAsync(int count, CancellationToken cancellationToken)
    {
        var values = await RedisCalls.RunAsync(redis, db => db.ListRangeAsync(RecordsKey, 0, Math.Clamp(count, 1, MaxRecords) - 1), cancellationToken);
        return [.. values
            .Select(v => JsonSerializer.Deserialize(v.ToString(), StorageJsonContext.Default.ChangeRecord))
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
        var record = new ChangeRecord(await NextSequenceAsync(cancellationToken), time.GetUtcNow(), actor, subject, summary, version);
        var json = JsonSerializer.Serialize(record, StorageJsonContext.Default.ChangeRecord);
        await RedisCalls.RunAsync(redis, db => db.ListLeftPushAsync(RecordsKey, json), cancellationToken);
        await TrimAsync(cancellationToken);
    }

    /// <summary>
    /// Drops the records beyond <see cref="MaxRecords"/> and the documents of the versions they named. Best effort:
    /// it runs after the write it follows has been committed, and a Redis problem here only leaves the trimming
    /// to the next write.
    /// </summary>
    internal async Task TrimAsync(CancellationToken cancellationToken)
    {
        try
        {
            var dropped = await RedisCalls.RunAsync(
                redis,
                async db =>
                {
                    var old = await db.ListRangeAsync(RecordsKey, MaxRecords, -1);
                    await db.ListTrimAsync(RecordsKey, 0, MaxRecords - 1);
                    return old;
                },
                cancellationToken);
            var droppedVersions = dropped
                .Select(v => JsonSerializer.Deserialize(v.ToString(), StorageJsonContext.Default.ChangeRecord)?.RuleVersion)
                .OfType<long>()
                .Select(v => (RedisValue)v.ToString(CultureInfo.InvariantCulture))
                .ToArray();
            if (droppedVersions.Length > 0)
            {
                await RedisCalls.RunAsync(redis, db => db.HashDeleteAsync(DocumentsKey, droppedVersions), cancellationToken);
            }
        }
        catch (StorageUnavailableException)
        {
            // The change and its record are committed; the list is one record longer until the next write trims it.
        }
    }
}

namespace AriCrmRouter.Storage.Rules;

/// <summary>
/// The rule set as ONE JSON document (the rule-file format) plus a version counter. A write replaces the
/// document and increments the version in one MULTI/EXEC transaction, so readers see the old set or the new
/// one, never a mix; then the new version is published so that routers reload at once. Custom CRM header values are
/// encrypted in the document (<see cref="RuleDocument"/>).
/// </summary>
public sealed class RedisRuleStore(RedisConnection connection, SecretProtector protector, ILogger<RedisRuleStore> logger) : IRuleStore
{
    private RedisKeys Keys => connection.Keys;

    /// <summary>The pub/sub channel on which every new version number is announced.</summary>
    public RedisChannel ChangeChannel => RedisChannel.Literal(Keys.RuleChangeChannel);

    public async Task<StoredRuleSet> LoadAsync(CancellationToken cancellationToken)
    {
        var (stored, _) = await LoadWithRevisionAsync(cancellationToken);
        return stored;
    }

    public async Task<long> ReplaceAsync(RuleSet ruleSet, CancellationToken cancellationToken) =>
        await WriteAsync(ruleSet, expectedVersion: null, alongside: null, cancellationToken)
        ?? throw new InvalidOperationException("An unconditional write cannot lose a race.");

    public Task<long?> TryReplaceAsync(RuleSet ruleSet, long expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(ruleSet, expectedVersion, null, cancellationToken);

    /// <summary>
    /// <see cref="TryReplaceAsync(RuleSet, long, CancellationToken)"/>, with whatever <paramref name="alongside"/> queues
    /// for the new version (<paramref name="expectedVersion"/> + 1) and its document in the same MULTI/EXEC: all of it is
    /// written, or none of it (the change history's record, <see cref="History.RecordingRuleStore"/>).
    /// </summary>
    internal Task<long?> TryReplaceAsync(RuleSet ruleSet, long expectedVersion, Action<ITransaction, long, string> alongside, CancellationToken cancellationToken) =>
        WriteAsync(ruleSet, expectedVersion, alongside, cancellationToken);

    internal async Task<(StoredRuleSet RuleSet, RuleSetRevision Revision)> LoadWithRevisionAsync(CancellationToken cancellationToken)
    {
        RedisKey[] keys = [Keys.RuleDocument, Keys.RuleVersion, Keys.RuleStamp];
        // One MGET: the document, its version and stamp are read at the same instant.
        var values = await RedisCalls.RunAsync(connection, db => db.StringGetAsync(keys), cancellationToken);
        var revision = new RuleSetRevision(ParseVersion(values[1]), values[2].IsNull ? null : values[2].ToString());
        if (values[0].IsNull)
        {
            return (new StoredRuleSet(RuleSet.Empty, revision.Version), revision);
        }

        var ruleSet = RuleDocument.Parse(values[0].ToString(), revision.Version, protector);
        return (new StoredRuleSet(ruleSet, revision.Version), revision);
    }

    /// <summary>How the stored header values stand (encrypted, plain text from an older version, unreadable).</summary>
    internal async Task<HeaderSecretsReport> InspectSecretsAsync(CancellationToken cancellationToken)
    {
        var document = await RedisCalls.RunAsync(connection, db => db.StringGetAsync(Keys.RuleDocument), cancellationToken);
        return document.IsNull ? HeaderSecretsReport.None : RuleDocument.Inspect(document.ToString(), protector);
    }

    internal async Task<RuleSetRevision> ReadRevisionAsync(CancellationToken cancellationToken)
    {
        RedisKey[] keys = [Keys.RuleVersion, Keys.RuleStamp];
        var values = await RedisCalls.RunAsync(connection, db => db.StringGetAsync(keys), cancellationToken);
        return new RuleSetRevision(ParseVersion(values[0]), values[1].IsNull ? null : values[1].ToString());
    }

    /// <summary>Calls <paramref name="onChange"/> with each announced version (best effort: messages can be missed).</summary>
    internal async Task SubscribeAsync(Action<long> onChange, CancellationToken cancellationToken)
    {
        try
        {
            var multiplexer = await connection.GetAsync(cancellationToken);
            await multiplexer.GetSubscriber()
                .SubscribeAsync(ChangeChannel, (_, message) => onChange(ParseVersion(message)))
                .WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (RedisCalls.IsUnavailable(ex))
        {
            throw RedisCalls.Unavailable(connection, ex);
        }
    }

    private async Task<long?> WriteAsync(RuleSet ruleSet, long? expectedVersion, Action<ITransaction, long, string>? alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var document = RuleDocument.Serialize(ruleSet, protector);
        var stamp = Guid.NewGuid().ToString("N");
        var version = await RedisCalls.RunAsync(
            connection,
            async db =>
            {
                var transaction = db.CreateTransaction();
                if (expectedVersion is { } expected)
                {
                    transaction.AddCondition(expected == 0
                        ? Condition.KeyNotExists(Keys.RuleVersion)
                        : Condition.StringEqual(Keys.RuleVersion, expected));
                }

                _ = transaction.StringSetAsync(Keys.RuleDocument, document);
                var increment = transaction.StringIncrementAsync(Keys.RuleVersion);
                _ = transaction.StringSetAsync(Keys.RuleStamp, stamp);
                if (expectedVersion is { } previous && alongside is not null)
                {
                    // The condition holds the version at `previous`, so the increment above makes it previous + 1.
                    alongside(transaction, previous + 1, document);
                }

                var committed = await transaction.ExecuteAsync();
                return committed ? (long?)await increment : null;
            },
            cancellationToken);

        if (version is { } written)
        {
            await PublishAsync(written, cancellationToken);
        }

        return version;
    }

    private async Task PublishAsync(long version, CancellationToken cancellationToken)
    {
        try
        {
            var multiplexer = await connection.GetAsync(cancellationToken);
            await multiplexer.GetSubscriber().PublishAsync(ChangeChannel, version).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (RedisCalls.IsUnavailable(ex))
        {
            // The write is committed; routers also poll the version, so a lost announcement only delays them.
            Log.RuleChangeNotPublished(logger, version, ex);
        }
    }

    private static long ParseVersion(RedisValue value) =>
        !value.IsNull && long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : 0;
}

namespace AriCrmRouter.Storage.Decisions;

/// <summary>
/// The routers' recent decisions in one bounded Redis stream (XADD with an approximate MAXLEN), newest last.
/// Appending is best effort for the router: a call is never held up by it (see <see cref="TryAppendAsync"/>).
/// </summary>
public sealed class RedisDecisionLog(RedisConnection redis)
{
    /// <summary>About how many decisions the stream keeps (Redis trims in whole nodes, so a few more may remain).</summary>
    public const int MaxLength = 1000;

    private string StreamKey => redis.Keys.Prefix + "decisions";

    public async Task<string> AppendAsync(DecisionRecord decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        NameValueEntry[] fields =
        [
            new("at", decision.At.ToUnixTimeMilliseconds()),
            new("channel", decision.ChannelId),
            new("rule", decision.Rule),
            new("key", decision.Key),
            new("value", decision.Value),
            new("reason", decision.Reason),
            new("row", decision.Row),
            new("destination", decision.Destination),
            new("lookupMs", decision.LookupMs),
            new("result", decision.Result),
            new("server", decision.Server),
        ];
        var id = await RedisCalls.RunAsync(
            redis,
            db => db.StreamAddAsync(StreamKey, fields, maxLength: MaxLength, useApproximateMaxLength: true),
            cancellationToken);
        return id.ToString();
    }

    /// <summary>Appends, and reports false instead of throwing when Redis cannot be reached.</summary>
    public async Task<bool> TryAppendAsync(DecisionRecord decision, CancellationToken cancellationToken)
    {
        try
        {
            await AppendAsync(decision, cancellationToken);
            return true;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    /// <summary>The newest <paramref name="count"/> decisions, newest first; with <paramref name="afterId"/> only later ones.</summary>
    public async Task<IReadOnlyList<DecisionRecord>> ReadLatestAsync(int count, string? afterId, CancellationToken cancellationToken)
    {
        RedisValue min = string.IsNullOrEmpty(afterId) ? "-" : "(" + afterId;
        var entries = await RedisCalls.RunAsync(
            redis,
            db => db.StreamRangeAsync(StreamKey, min, "+", Math.Clamp(count, 1, MaxLength), Order.Descending),
            cancellationToken);
        return [.. entries.Select(Decode)];
    }

    private static DecisionRecord Decode(StreamEntry entry)
    {
        string Text(string name) => entry[name].IsNull ? "" : entry[name].ToString();
        long Number(string name) => long.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new DecisionRecord(
            DateTimeOffset.FromUnixTimeMilliseconds(Number("at")),
            Text("channel"),
            Text("rule"),
            Text("key"),
            Text("value"),
            Text("reason"),
            Text("row"),
            Text("destination"),
            Number("lookupMs"),
            Text("result"))
        { Id = entry.Id.ToString(), Server = Text("server") };
    }
}

using System.Security.Cryptography;
using System.Text;
using AriCrmRouter.Crm.Lookup;

namespace AriCrmRouter.Storage.Cache;

/// <summary>
/// CRM answers in Redis string keys with a time to live. Lookup keys contain callers' numbers, so a key is
/// stored as the SHA-256 of the lookup key: nobody reading Redis sees who called. Every operation is
/// bounded by <see cref="RedisOptions.CacheOperationTimeout"/>; a failure or timeout throws, and the
/// caller treats it as a miss.
/// </summary>
public sealed class RedisCrmAnswerCache : ICrmAnswerCache
{
    private readonly RedisConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;

    public RedisCrmAnswerCache(RedisConnection connection, IOptions<RedisOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connection = connection;
        _timeProvider = timeProvider;
        _timeout = options.Value.CacheOperationTimeout;
    }

    public async Task<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var redisKey = RedisKeyFor(key);
        var value = await BoundedAsync(db => db.StringGetAsync(redisKey), cancellationToken);
        if (value.IsNull)
        {
            return null;
        }

        StoredAnswer? stored;
        try
        {
            stored = JsonSerializer.Deserialize(value.ToString(), StorageJsonContext.Default.StoredAnswer);
        }
        catch (JsonException)
        {
            stored = null;
        }

        if (stored is null)
        {
            throw new InvalidDataException("A cached CRM answer in Redis is not in the expected format.");
        }

        return new CachedAnswer(stored.Found ? stored.Value ?? string.Empty : null);
    }

    public async Task SetAsync(string key, CachedAnswer answer, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var redisKey = RedisKeyFor(key);
        var json = JsonSerializer.Serialize(new StoredAnswer(answer.Value is not null, answer.Value), StorageJsonContext.Default.StoredAnswer);
        await BoundedAsync(db => db.StringSetAsync(redisKey, json, timeToLive), cancellationToken);
    }

    /// <summary>The Redis key of a lookup key: the prefix and the hex SHA-256 of the lookup key.</summary>
    public string RedisKeyFor(string lookupKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(lookupKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(lookupKey));
        return _connection.Keys.CachedAnswer(Convert.ToHexStringLower(hash));
    }

    private async Task<T> BoundedAsync<T>(Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        var operation = RedisCalls.RunAsync(_connection, command, cancellationToken);
        try
        {
            return await operation.WaitAsync(_timeout, _timeProvider, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            // The command may still fail later; observe that so it is not reported as unobserved.
            _ = operation.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw RedisCalls.Unavailable(_connection, ex);
        }
    }
}

using System.Text.Json;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Storage.Redis;
using StackExchange.Redis;

namespace AriCrmRouter.Storage.Connections;

/// <summary>
/// CRM connections in one Redis hash, field = connection name in lower case (names are matched
/// case-insensitively), value = JSON with kind, settings and secrets.
/// </summary>
public sealed class RedisCrmConnectionStore(RedisConnection redis) : ICrmConnectionStore
{
    private string HashKey => redis.Keys.CrmConnections;

    public async Task<IReadOnlyList<CrmConnection>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await RedisCalls.RunAsync(redis, db => db.HashGetAllAsync(HashKey), cancellationToken);
        return [.. entries
            .Select(entry => Decode(entry.Name.ToString(), entry.Value))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<CrmConnection?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var field = FieldFor(name);
        var value = await RedisCalls.RunAsync(redis, db => db.HashGetAsync(HashKey, field), cancellationToken);
        return value.IsNull ? null : Decode(field, value);
    }

    public async Task SaveAsync(CrmConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var stored = new StoredCrmConnection(
            connection.Name.Trim(),
            connection.Kind.Trim(),
            new Dictionary<string, string>(connection.Settings, StringComparer.Ordinal),
            new Dictionary<string, string>(connection.Secrets, StringComparer.Ordinal));
        var json = JsonSerializer.Serialize(stored, StorageJsonContext.Default.StoredCrmConnection);
        var field = FieldFor(stored.Name);
        await RedisCalls.RunAsync(redis, db => db.HashSetAsync(HashKey, field, json), cancellationToken);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var field = FieldFor(name);
        return await RedisCalls.RunAsync(redis, db => db.HashDeleteAsync(HashKey, field), cancellationToken);
    }

    private static string FieldFor(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name.Trim().ToLowerInvariant();
    }

    private static CrmConnection Decode(string field, RedisValue value)
    {
        StoredCrmConnection? stored;
        try
        {
            stored = JsonSerializer.Deserialize(value.ToString(), StorageJsonContext.Default.StoredCrmConnection);
        }
        catch (JsonException)
        {
            // The JSON holds secrets: the parser's message (which can quote it) is not passed on.
            stored = null;
        }

        if (stored is null || string.IsNullOrWhiteSpace(stored.Kind))
        {
            throw new InvalidDataException($"The stored CRM connection '{field}' is not valid JSON of a connection.");
        }

        return new CrmConnection(
            string.IsNullOrWhiteSpace(stored.Name) ? field : stored.Name,
            stored.Kind,
            stored.Settings ?? [],
            stored.Secrets ?? []);
    }
}

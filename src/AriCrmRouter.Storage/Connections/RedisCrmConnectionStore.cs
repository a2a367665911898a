namespace AriCrmRouter.Storage.Connections;

/// <summary>
/// CRM connections in one Redis hash, field = connection name in lower case (names are matched
/// case-insensitively), value = JSON with kind, settings and secrets; the secret values are encrypted
/// (<see cref="SecretProtector"/>). Values written in plain text by older versions are read as they are and
/// encrypted at the connection's next write (or by <c>crmrouter-admin secrets reencrypt</c>).
/// </summary>
public sealed partial class RedisCrmConnectionStore(RedisConnection redis, SecretProtector protector) : ICrmConnectionStore
{
    private string HashKey => redis.Keys.CrmConnections;

    /// <summary>Throws <see cref="SecretUnreadableException"/> when a connection's secrets cannot be decrypted.</summary>
    public async Task<IReadOnlyList<CrmConnection>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await RedisCalls.RunAsync(redis, db => db.HashGetAllAsync(HashKey), cancellationToken);
        return [.. entries
            .Select(entry => Decrypt(Decode(entry.Name.ToString(), entry.Value)))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Throws <see cref="SecretUnreadableException"/> when the connection's secrets cannot be decrypted.</summary>
    public async Task<CrmConnection?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var field = FieldFor(name);
        var value = await RedisCalls.RunAsync(redis, db => db.HashGetAsync(HashKey, field), cancellationToken);
        return value.IsNull ? null : Decrypt(Decode(field, value));
    }

    public async Task SaveAsync(CrmConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var stored = new StoredCrmConnection(
            connection.Name.Trim(),
            connection.Kind.Trim(),
            new Dictionary<string, string>(connection.Settings, StringComparer.Ordinal),
            connection.Secrets.ToDictionary(s => s.Key, s => protector.Protect(s.Value, SecretPurpose.CrmConnectionSecret), StringComparer.Ordinal));
        var json = JsonSerializer.Serialize(stored, StorageJsonContext.Default.StoredCrmConnection);
        var field = FieldFor(stored.Name);
        await RedisCalls.RunAsync(redis, db => db.HashSetAsync(HashKey, field, json), cancellationToken);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var field = FieldFor(name);
        var deleted = await RedisCalls.RunAsync(redis, db => db.HashDeleteAsync(HashKey, field), cancellationToken);
        await RedisCalls.RunAsync(redis, db => db.HashDeleteAsync(RefreshTokensKey, field), cancellationToken);
        return deleted;
    }

    /// <summary>Per connection: how its stored secrets stand (read without failing on the unreadable ones).</summary>
    public async Task<IReadOnlyList<ConnectionSecretsReport>> InspectSecretsAsync(CancellationToken cancellationToken)
    {
        var entries = await RedisCalls.RunAsync(redis, db => db.HashGetAllAsync(HashKey), cancellationToken);
        return [.. entries
            .Select(entry => Decode(entry.Name.ToString(), entry.Value))
            .Select(connection =>
            {
                var readings = connection.Secrets.Values.Select(value => protector.Unprotect(value, SecretPurpose.CrmConnectionSecret)).ToList();
                return new ConnectionSecretsReport(
                    connection.Name,
                    readings.Count(r => r.State == SecretState.Encrypted),
                    readings.Count(r => r.State == SecretState.PlainText),
                    readings.FirstOrDefault(r => r.State == SecretState.Unreadable).Problem);
            })
            .OrderBy(report => report.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private static string FieldFor(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name.Trim().ToLowerInvariant();
    }

    private CrmConnection Decrypt(CrmConnection stored)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in stored.Secrets)
        {
            var reading = protector.Unprotect(value, SecretPurpose.CrmConnectionSecret);
            secrets[name] = reading.Value
                ?? throw new SecretUnreadableException($"the secrets of CRM connection '{stored.Name}' cannot be decrypted: {reading.Problem}");
        }

        return stored with { Secrets = secrets };
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

/// <summary>How one connection's stored secrets stand; <see cref="Problem"/> is set when some cannot be decrypted.</summary>
public sealed record ConnectionSecretsReport(string Name, int Encrypted, int PlainText, string? Problem);

namespace AriCrmRouter.Storage.Connections;

// Rotated refresh tokens: one encrypted value per connection, replaced only by the router that spent the
// stored one (a Redis transaction conditioned on the value it read), so two routers never lose a token.
public sealed partial class RedisCrmConnectionStore
{
    private string RefreshTokensKey => redis.Keys.CrmRefreshTokens;

    /// <summary>Throws <see cref="SecretUnreadableException"/> when the stored token cannot be decrypted.</summary>
    public async Task<string?> GetAsync(string connectionName, string credentialKey, CancellationToken cancellationToken)
    {
        var field = FieldFor(connectionName);
        var raw = await RedisCalls.RunAsync(redis, db => db.HashGetAsync(RefreshTokensKey, field), cancellationToken);
        return TokenFor(raw, credentialKey, connectionName);
    }

    public async Task<bool> ReplaceAsync(string connectionName, string credentialKey, string? replaced, string replacement, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialKey);
        ArgumentException.ThrowIfNullOrEmpty(replacement);
        var field = FieldFor(connectionName);
        var raw = await RedisCalls.RunAsync(redis, db => db.HashGetAsync(RefreshTokensKey, field), cancellationToken);
        string? current;
        try
        {
            current = TokenFor(raw, credentialKey, connectionName);
        }
        catch (SecretUnreadableException)
        {
            current = null; // a token nobody can read is no token: the new one takes its place
        }

        if (current != replaced)
        {
            return false;
        }

        var stored = new StoredRefreshToken(credentialKey, replacement);
        var value = protector.Protect(JsonSerializer.Serialize(stored, StorageJsonContext.Default.StoredRefreshToken), SecretPurpose.CrmConnectionSecret);
        return await RedisCalls.RunAsync(
            redis,
            db =>
            {
                var transaction = db.CreateTransaction();
                transaction.AddCondition(raw.IsNull ? Condition.HashNotExists(RefreshTokensKey, field) : Condition.HashEqual(RefreshTokensKey, field, raw));
                _ = transaction.HashSetAsync(RefreshTokensKey, field, value);
                return transaction.ExecuteAsync();
            },
            cancellationToken);
    }

    /// <summary>The token in <paramref name="raw"/> when it was issued for this configuration of the connection.</summary>
    private string? TokenFor(RedisValue raw, string credentialKey, string connectionName)
    {
        if (raw.IsNull)
        {
            return null;
        }

        var reading = protector.Unprotect(raw.ToString(), SecretPurpose.CrmConnectionSecret);
        if (reading.Value is null)
        {
            throw new SecretUnreadableException($"the refresh token of CRM connection '{connectionName}' cannot be decrypted: {reading.Problem}");
        }

        StoredRefreshToken? stored;
        try
        {
            stored = JsonSerializer.Deserialize(reading.Value, StorageJsonContext.Default.StoredRefreshToken);
        }
        catch (JsonException)
        {
            stored = null; // the parser's message could quote the token
        }

        return stored is not null && stored.CredentialKey == credentialKey && !string.IsNullOrEmpty(stored.Token) ? stored.Token : null;
    }
}

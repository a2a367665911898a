using System.Security.Cryptography;
using System.Text;

namespace AriCrmRouter.Storage.Administration;

/// <summary>
/// Web admin accounts (one hash: lower-case name to JSON) and API tokens (one hash: SHA-256 of the token to
/// its owner), under the router's key prefix. Tokens are random and long, so an unsalted digest suffices and
/// lets a request find its token in one lookup.
/// </summary>
public sealed class RedisAdminAccountStore(RedisConnection redis)
{
    private string AccountsKey => redis.Keys.Prefix + "admin:users";

    private string TokensKey => redis.Keys.Prefix + "admin:tokens";

    public async Task SaveAsync(AdminAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var json = JsonSerializer.Serialize(account, StorageJsonContext.Default.AdminAccount);
        await RedisCalls.RunAsync(redis, db => db.HashSetAsync(AccountsKey, Field(account.Name), json), cancellationToken);
    }

    public async Task<AdminAccount?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var value = await RedisCalls.RunAsync(redis, db => db.HashGetAsync(AccountsKey, Field(name)), cancellationToken);
        return value.IsNull ? null : JsonSerializer.Deserialize(value.ToString(), StorageJsonContext.Default.AdminAccount);
    }

    public async Task<IReadOnlyList<AdminAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await RedisCalls.RunAsync(redis, db => db.HashGetAllAsync(AccountsKey), cancellationToken);
        return [.. entries
            .Select(e => JsonSerializer.Deserialize(e.Value.ToString(), StorageJsonContext.Default.AdminAccount))
            .OfType<AdminAccount>()
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        await RedisCalls.RunAsync(redis, db => db.HashDeleteAsync(AccountsKey, Field(name)), cancellationToken);

    /// <summary>Creates a new random API token for <paramref name="owner"/>; the returned text is shown once and never stored.</summary>
    public async Task<string> IssueTokenAsync(ApiTokenOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var token = "crt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var json = JsonSerializer.Serialize(owner, StorageJsonContext.Default.ApiTokenOwner);
        await RedisCalls.RunAsync(redis, db => db.HashSetAsync(TokensKey, Digest(token), json), cancellationToken);
        return token;
    }

    public async Task<ApiTokenOwner?> FindTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var value = await RedisCalls.RunAsync(redis, db => db.HashGetAsync(TokensKey, Digest(token.Trim())), cancellationToken);
        return value.IsNull ? null : JsonSerializer.Deserialize(value.ToString(), StorageJsonContext.Default.ApiTokenOwner);
    }

    private static string Field(string name) => name.Trim().ToLowerInvariant();

    private static string Digest(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

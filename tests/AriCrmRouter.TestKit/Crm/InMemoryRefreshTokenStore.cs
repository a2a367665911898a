using AriCrmRouter.Crm.Auth;

namespace AriCrmRouter.TestKit.Crm;

/// <summary>
/// A refresh-token store in memory with the connection store's rules (one token per connection, replaced only
/// when the stored one is the one that was spent), shared by several connector instances as by several routers.
/// </summary>
public sealed class InMemoryRefreshTokenStore : IRefreshTokenStore
{
    private readonly Dictionary<string, (string CredentialKey, string Token)> _tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public Task<string?> GetAsync(string connectionName, string credentialKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Current(connectionName, credentialKey));
        }
    }

    public Task<bool> ReplaceAsync(string connectionName, string credentialKey, string? replaced, string replacement, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Current(connectionName, credentialKey) != replaced)
            {
                return Task.FromResult(false);
            }

            _tokens[connectionName] = (credentialKey, replacement);
            return Task.FromResult(true);
        }
    }

    private string? Current(string connectionName, string credentialKey) =>
        _tokens.TryGetValue(connectionName, out var stored) && stored.CredentialKey == credentialKey ? stored.Token : null;
}

using System.Collections.Concurrent;

namespace AriCrmRouter.Crm.Auth;

/// <summary>
/// The refresh tokens a connector received in exchange for used ones (Pipedrive, SugarCRM and Bullhorn issue
/// a new one at every refresh and may refuse the old one). The shared <see cref="IRefreshTokenStore"/> is the
/// truth; this router's last known token is the fallback while the store cannot be reached (or when the host
/// has no store, as in unit tests).
/// </summary>
internal sealed class RotatedRefreshTokens(IRefreshTokenStore? store, ILogger logger)
{
    private readonly ConcurrentDictionary<string, string> _local = new(StringComparer.Ordinal);

    /// <summary>The newest refresh token for this configuration of the connection, or <c>null</c> when none was issued yet.</summary>
    public async Task<string?> NewestAsync(CrmConnection connection, CancellationToken cancellationToken)
    {
        var key = CredentialKey.For(connection);
        if (store is not null)
        {
            try
            {
                if (await store.GetAsync(connection.Name, key, cancellationToken) is { } stored)
                {
                    _local[key] = stored;
                    return stored;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RefreshTokenStoreUnavailable(logger, connection.Name, ex.GetType().Name);
            }
        }

        return _local.GetValueOrDefault(key);
    }

    /// <summary>
    /// Keeps the token the CRM issued in exchange for <paramref name="replaced"/> (<c>null</c> when the connection's
    /// own token, or a password login, was used). Not cancelled with the call: the used token may already be
    /// spent, so losing its replacement would lock every router out.
    /// </summary>
    public async Task KeepAsync(CrmConnection connection, string? replaced, string replacement)
    {
        var key = CredentialKey.For(connection);
        _local[key] = replacement;
        if (store is null)
        {
            return;
        }

        try
        {
            if (!await store.ReplaceAsync(connection.Name, key, replaced, replacement, CancellationToken.None))
            {
                // Another router refreshed meanwhile and stored its own token: both are fresh, theirs stays shared.
                Log.RefreshTokenStoredElsewhere(logger, connection.Name);
            }
        }
        catch (Exception ex)
        {
            Log.RefreshTokenStoreUnavailable(logger, connection.Name, ex.GetType().Name);
        }
    }

    /// <summary>Drops this router's copy after the CRM refused it (the stored one is read again next time).</summary>
    public void Forget(CrmConnection connection) => _local.TryRemove(CredentialKey.For(connection), out _);
}

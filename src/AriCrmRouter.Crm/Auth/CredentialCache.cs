using System.Collections.Concurrent;

namespace AriCrmRouter.Crm.Auth;

/// <summary>A credential obtained from a CRM's auth endpoint (access token, session id, ...).</summary>
public interface IExpiringCredential
{
    /// <summary>When the CRM will stop accepting it; <c>null</c> when the CRM does not say (refresh on rejection).</summary>
    DateTimeOffset? ExpiresAt { get; }
}

/// <summary>
/// Caches one credential per key (normally the connection name), refreshes it shortly before it expires,
/// lets concurrent callers share one refresh, and retries an operation once with a fresh credential when
/// the CRM rejects the cached one (the operation throws <see cref="CredentialRejectedException"/>).
/// </summary>
public sealed class CredentialCache<TCredential>(TimeProvider timeProvider)
    where TCredential : class, IExpiringCredential
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<TResult> UseAsync<TResult>(
        string key,
        Func<CancellationToken, Task<TCredential>> acquire,
        Func<TCredential, CancellationToken, Task<TResult>> operation,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acquire);
        ArgumentNullException.ThrowIfNull(operation);
        var credential = await GetAsync(key, acquire, rejected: null, cancellationToken);
        try
        {
            return await operation(credential, cancellationToken);
        }
        catch (CredentialRejectedException)
        {
            var fresh = await GetAsync(key, acquire, rejected: credential, cancellationToken);
            try
            {
                return await operation(fresh, cancellationToken);
            }
            catch (CredentialRejectedException ex)
            {
                Invalidate(key);
                throw new Connectors.CrmLookupException(Connectors.CrmFailureKind.Unauthorized, ex.Message);
            }
        }
    }

    public void Invalidate(string key) => _entries.TryRemove(key, out _);

    private async Task<TCredential> GetAsync(
        string key,
        Func<CancellationToken, Task<TCredential>> acquire,
        TCredential? rejected,
        CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        var current = entry.Credential;
        if (current is not null && !ReferenceEquals(current, rejected) && IsFresh(current))
        {
            return current;
        }

        await entry.Lock.WaitAsync(cancellationToken);
        try
        {
            current = entry.Credential;
            if (current is not null && !ReferenceEquals(current, rejected) && IsFresh(current))
            {
                return current;
            }

            var acquired = await acquire(cancellationToken);
            entry.Credential = acquired;
            return acquired;
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    private bool IsFresh(TCredential credential) =>
        credential.ExpiresAt is not { } expiresAt || timeProvider.GetUtcNow() < expiresAt - RefreshMargin;

    private sealed class Entry
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public volatile TCredential? Credential;
    }
}

/// <summary>Thrown by an operation when the CRM rejected the credential it was given (expired or revoked).</summary>
public sealed class CredentialRejectedException : Exception
{
    public CredentialRejectedException()
        : base("the CRM rejected the credential")
    {
    }

    public CredentialRejectedException(string message)
        : base(message)
    {
    }

    public CredentialRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

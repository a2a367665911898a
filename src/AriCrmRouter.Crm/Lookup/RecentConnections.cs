using System.Collections.Concurrent;

namespace AriCrmRouter.Crm.Lookup;

/// <summary>
/// The connections lookups read from the <see cref="ICrmConnectionStore"/>, kept for <see cref="CrmOptions.ConnectionFreshness"/>
/// (the router: a few seconds; the admin tools: zero, they always read), so a call does not pay a store round trip and a
/// store outage does not stop integrations already known. Unreadable secrets are a configuration failure, never the
/// last known connection.
/// </summary>
internal sealed class RecentConnections(ICrmConnectionStore store, IOptions<CrmOptions> options, TimeProvider timeProvider, ILogger logger)
{
    private readonly TimeSpan _freshness = options.Value.ConnectionFreshness;

    private readonly ConcurrentDictionary<string, (CrmConnection? Connection, long ReadAt)> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The connection or null; throws <see cref="CrmLookupException"/> when it cannot be read.</summary>
    public async Task<CrmConnection?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(name, out var entry) && timeProvider.GetElapsedTime(entry.ReadAt) < _freshness)
        {
            return entry.Connection;
        }

        try
        {
            var connection = await store.GetAsync(name, cancellationToken);
            if (_freshness > TimeSpan.Zero)
            {
                _known[name] = (connection, timeProvider.GetTimestamp());
            }

            return connection;
        }
        catch (CrmSecretsUnreadableException ex)
        {
            // The key ring cannot decrypt its secrets: the lookup fails as misconfigured and the call goes to the default.
            throw new CrmLookupException(CrmFailureKind.Configuration, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && _known.TryGetValue(name, out var known))
        {
            Log.UsingLastKnownConnection(logger, name, ex.GetType().Name);
            return known.Connection;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"CRM connection '{name}' could not be read ({ex.GetType().Name})", ex);
        }
    }
}

using System.Collections.Concurrent;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Storage;
using AriCrmRouter.Storage.Secrets;
using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Service.CrmConnections;

/// <summary>
/// CRM connections for lookups, read from the connection store and kept in memory for a few seconds, so a call
/// does not pay a store round trip and a store outage does not stop integrations that were already known.
/// </summary>
internal sealed class StoredConnectionSource(ICrmConnectionStore store, TimeProvider timeProvider, ILogger<StoredConnectionSource> logger)
    : ICrmConnectionSource
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (CrmConnection? Connection, long ReadAt)> _known = new(StringComparer.OrdinalIgnoreCase);

    public async Task<CrmConnection?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(name, out var entry) && timeProvider.GetElapsedTime(entry.ReadAt) < Freshness)
        {
            return entry.Connection;
        }

        try
        {
            var connection = await store.GetAsync(name, cancellationToken);
            _known[name] = (connection, timeProvider.GetTimestamp());
            return connection;
        }
        catch (SecretUnreadableException ex)
        {
            // The key ring cannot decrypt its secrets: the lookup fails as misconfigured and the call goes to the default.
            throw new CrmLookupException(CrmFailureKind.Configuration, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && _known.ContainsKey(name))
        {
            Log.UsingLastKnownConnection(logger, name, ex.GetType().Name);
            return _known[name].Connection;
        }
    }
}

using System.Collections.Concurrent;
using AriCrmRouter.Crm.Connectors;

namespace AriCrmRouter.TestKit.Crm;

/// <summary>An in-memory <see cref="ICrmConnectionStore"/> holding the connections given by the test (and the refresh tokens the connectors store).</summary>
public sealed class FixedConnectionSource(params CrmConnection[] connections) : ICrmConnectionStore
{
    private readonly ConcurrentDictionary<string, CrmConnection> _connections =
        new(connections.Select(c => KeyValuePair.Create(c.Name, c)), StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<(string Connection, string CredentialKey), string> _refreshTokens = new();

    /// <summary>How many times a connection was read.</summary>
    public int Reads { get; private set; }

    /// <summary>When set, every read throws it (a store outage, unreadable secrets).</summary>
    public Exception? Failure { get; set; }

    public Task<IReadOnlyList<CrmConnection>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CrmConnection>>([.. _connections.Values.OrderBy(c => c.Name, StringComparer.Ordinal)]);

    public Task<CrmConnection?> GetAsync(string name, CancellationToken cancellationToken)
    {
        Reads++;
        return Failure is { } failure
            ? Task.FromException<CrmConnection?>(failure)
            : Task.FromResult(_connections.TryGetValue(name, out var connection) ? connection : null);
    }

    public Task SaveAsync(CrmConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections[connection.Name] = connection;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_connections.TryRemove(name, out _));

    public Task<string?> GetAsync(string connectionName, string credentialKey, CancellationToken cancellationToken) =>
        Task.FromResult(_refreshTokens.TryGetValue((connectionName, credentialKey), out var token) ? token : null);

    public Task<bool> ReplaceAsync(string connectionName, string credentialKey, string? replaced, string replacement, CancellationToken cancellationToken)
    {
        var key = (connectionName, credentialKey);
        var stored = _refreshTokens.TryGetValue(key, out var current) ? current : null;
        if (stored != replaced)
        {
            return Task.FromResult(false);
        }

        _refreshTokens[key] = replacement;
        return Task.FromResult(true);
    }
}

namespace AriCrmRouter.Service.Servers;

/// <summary>
/// The calls of one Asterisk server: a DI scope holding that server's ARI client and event connection and its own
/// dispatcher, registry, recovery, claims and takeover. A channel id means something only within its server, so
/// nothing of a call is shared between scopes; rules, lookups, cache, metrics and the decision log are.
/// </summary>
internal sealed class AriServerScope : IAsyncDisposable, IDisposable
{
    private readonly AsyncServiceScope _scope;

    public AriServerScope(AsyncServiceScope scope, string name)
    {
        _scope = scope;
        Name = name;
    }

    public string Name { get; }

    public CallDispatcher Dispatcher => _scope.ServiceProvider.GetRequiredService<CallDispatcher>();

    /// <summary>Takes the calls of dead peer routers on this server (needs Redis: resolved on first use).</summary>
    public PeerTakeover Takeover => _scope.ServiceProvider.GetRequiredService<PeerTakeover>();

    /// <summary>The server's event websocket (registered by the router's composition, not by the call handling alone).</summary>
    public AriEventConnection Connection => _scope.ServiceProvider.GetRequiredService<AriEventConnection>();

    /// <summary>Whether the server's event websocket is up.</summary>
    public AriConnectionMonitor Monitor => _scope.ServiceProvider.GetRequiredService<AriConnectionMonitor>();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    public void Dispose() => _scope.Dispose();
}

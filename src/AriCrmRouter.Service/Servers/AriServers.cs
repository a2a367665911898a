namespace AriCrmRouter.Service.Servers;

/// <summary>
/// The Asterisk servers this router serves (<c>Ari:Servers</c>, or the one server of <c>Ari:BaseUrl</c>), each with
/// its own <see cref="AriServerScope"/>, built once from the validated options.
/// </summary>
internal sealed class AriServers : IAsyncDisposable, IDisposable
{
    private readonly Lazy<IReadOnlyList<AriServerScope>> _all;

    public AriServers(IServiceScopeFactory scopes, IOptions<AriOptions> options) =>
        _all = new(() => [.. options.Value.EffectiveServers().Select(server => Create(scopes, options.Value.ForServer(server)))]);

    public IReadOnlyList<AriServerScope> All => _all.Value;

    public async ValueTask DisposeAsync()
    {
        if (_all.IsValueCreated)
        {
            foreach (var server in _all.Value)
            {
                await server.DisposeAsync();
            }
        }
    }

    public void Dispose()
    {
        if (_all.IsValueCreated)
        {
            foreach (var server in _all.Value)
            {
                server.Dispose();
            }
        }
    }

    private static AriServerScope Create(IServiceScopeFactory scopes, AriOptions server)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AriServerContext>().Use(server);
        return new AriServerScope(scope, server.ServerName);
    }
}

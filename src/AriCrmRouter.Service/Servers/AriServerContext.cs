namespace AriCrmRouter.Service.Servers;

/// <summary>
/// Which Asterisk server the services of a per-server scope serve (<see cref="AriServers"/>): its name and its
/// <see cref="AriOptions"/> (<see cref="AriOptions.ForServer"/>). Set once, as the scope is built.
/// </summary>
internal sealed class AriServerContext
{
    private AriOptions? _options;

    /// <summary>The server's name (<c>Ari:Servers:N:Name</c>, or <c>default</c>): in Redis keys, metrics, logs, Recent calls.</summary>
    public string Name => Options.ServerName;

    /// <summary>The ARI options of this server: its URL and credentials, the shared application name and timeouts.</summary>
    public AriOptions Options => _options ?? throw new InvalidOperationException("The ARI server of this scope was not set; build scopes with AriServers.");

    internal void Use(AriOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Interlocked.CompareExchange(ref _options, options, null) is not null)
        {
            throw new InvalidOperationException("The ARI server of a scope is set once.");
        }
    }
}

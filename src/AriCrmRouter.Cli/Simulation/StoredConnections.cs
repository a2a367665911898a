using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Storage;

namespace AriCrmRouter.Cli.Simulation;

/// <summary>CRM connections read straight from the store (the CLI runs one lookup, no caching needed).</summary>
internal sealed class StoredConnections(ICrmConnectionStore store) : ICrmConnectionSource
{
    public Task<CrmConnection?> FindAsync(string name, CancellationToken cancellationToken) => store.GetAsync(name, cancellationToken);
}

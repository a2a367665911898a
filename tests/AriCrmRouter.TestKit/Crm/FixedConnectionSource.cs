using AriCrmRouter.Crm.Connectors;

namespace AriCrmRouter.TestKit.Crm;

/// <summary>CRM connections given by the test.</summary>
public sealed class FixedConnectionSource(params CrmConnection[] connections) : ICrmConnectionSource
{
    public Task<CrmConnection?> FindAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(connections.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)));
}

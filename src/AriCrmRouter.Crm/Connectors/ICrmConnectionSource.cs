namespace AriCrmRouter.Crm.Connectors;

/// <summary>Finds a named CRM connection for a lookup (backed by the connection store, cached by the host).</summary>
public interface ICrmConnectionSource
{
    Task<CrmConnection?> FindAsync(string name, CancellationToken cancellationToken);
}

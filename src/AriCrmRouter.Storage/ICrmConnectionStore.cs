using AriCrmRouter.Crm.Auth;
using AriCrmRouter.Crm.Connectors;

namespace AriCrmRouter.Storage;

/// <summary>
/// Named CRM connections (vendor, settings, secrets) that integration rules refer to, and the refresh tokens
/// their CRMs issued since (<see cref="IRefreshTokenStore"/>).
/// </summary>
public interface ICrmConnectionStore : IRefreshTokenStore
{
    Task<IReadOnlyList<CrmConnection>> ListAsync(CancellationToken cancellationToken);

    Task<CrmConnection?> GetAsync(string name, CancellationToken cancellationToken);

    Task SaveAsync(CrmConnection connection, CancellationToken cancellationToken);

    /// <summary>Removes a connection; false when there was none by that name.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}

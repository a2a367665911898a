namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// The one contract for named CRM connections (vendor, settings, secrets) that integration rules refer to, and the
/// refresh tokens their CRMs issued since (<see cref="IRefreshTokenStore"/>). Lookups read it (<c>CrmTargets</c>),
/// the admin tools write it, the Redis store implements it. A connection whose secrets cannot be decrypted is
/// thrown as <see cref="CrmSecretsUnreadableException"/>.
/// </summary>
public interface ICrmConnectionStore : IRefreshTokenStore
{
    Task<IReadOnlyList<CrmConnection>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The connection by name (any case), or null.</summary>
    Task<CrmConnection?> GetAsync(string name, CancellationToken cancellationToken);

    Task SaveAsync(CrmConnection connection, CancellationToken cancellationToken);

    /// <summary>Removes a connection; false when there was none by that name.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}

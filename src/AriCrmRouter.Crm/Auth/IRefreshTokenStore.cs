namespace AriCrmRouter.Crm.Auth;

/// <summary>
/// Where the refresh tokens a CRM issued in exchange for a used one are kept (the connection store in
/// production), so that single-use tokens survive a restart and every router of a deployment refreshes with
/// the newest one. A token belongs to one configuration of a connection (<paramref name="credentialKey"/>:
/// its name and a fingerprint of its settings and secrets): editing the connection starts again from the
/// refresh token typed in. Implementations keep the tokens encrypted at rest and never log them.
/// </summary>
public interface IRefreshTokenStore
{
    /// <summary>The newest refresh token stored for this configuration of the connection, or <c>null</c>.</summary>
    Task<string?> GetAsync(string connectionName, string credentialKey, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="replacement"/> if the stored token is still <paramref name="replaced"/> (<c>null</c>:
    /// none stored for this configuration). False, and nothing written, when another router stored a token first.
    /// </summary>
    Task<bool> ReplaceAsync(string connectionName, string credentialKey, string? replaced, string replacement, CancellationToken cancellationToken);
}

namespace AriCrmRouter.Storage.Connections;

/// <summary>
/// A rotated refresh token and the configuration of the connection it was issued for (its credential key),
/// stored encrypted as one value.
/// </summary>
internal sealed record StoredRefreshToken(string CredentialKey, string Token)
{
    public override string ToString() => "StoredRefreshToken (values hidden)";
}

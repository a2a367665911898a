namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>The keys of an OAuth app connection (HubSpot, Pipedrive): a client id setting, client secret and refresh token secrets.</summary>
internal sealed record OAuthAppKeys(ConnectionKey ClientId, ConnectionKey ClientSecret, ConnectionKey RefreshToken)
{
    /// <summary>The app's keys, optional because <paramref name="tokenKey"/> can be used instead.</summary>
    public static OAuthAppKeys InsteadOf(string tokenKey, string refreshTokenNote = "") => new(
        ConnectionKey.Setting("clientId", $"OAuth app client id (without {tokenKey})"),
        ConnectionKey.Secret("clientSecret", "OAuth app client secret (with clientId)"),
        ConnectionKey.Secret("refreshToken", $"OAuth refresh token (with clientId{refreshTokenNote})"));

    /// <summary>
    /// A token secret used as it is (<paramref name="tokenKey"/>, <c>null</c> when unset), or else the app's client id,
    /// client secret and refresh token, all three required once one is set.
    /// </summary>
    public (string? Token, OAuthApp App) ReadOr(ConnectionSettingsReader reader, ConnectionKey tokenKey, string tokenName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.OptionalSecret(tokenKey) is { } token)
        {
            return (token, OAuthApp.None);
        }

        if (reader.Optional(ClientId) is null && reader.OptionalSecret(RefreshToken) is null)
        {
            reader.Problem($"secret '{tokenKey}'{tokenName} is missing, or set '{ClientId}' with secrets '{ClientSecret}' and '{RefreshToken}' for OAuth");
            return (null, OAuthApp.None);
        }

        return (null, new OAuthApp(reader.Required(ClientId), reader.RequiredSecret(ClientSecret), reader.RequiredSecret(RefreshToken)));
    }
}

/// <summary>An OAuth app's credentials as read from a connection; <see cref="None"/> when a token is used instead.</summary>
internal sealed record OAuthApp(string ClientId, string ClientSecret, string RefreshToken)
{
    public static readonly OAuthApp None = new("", "", "");

    public override string ToString() => "OAuthApp (secrets hidden)";
}

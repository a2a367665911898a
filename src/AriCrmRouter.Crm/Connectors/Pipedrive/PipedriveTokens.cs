namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>
/// Pipedrive credentials: the API token as it is, or an OAuth access token from the refresh grant (client id
/// and secret in Basic auth). Pipedrive answers every refresh with a new refresh token; it is kept through
/// <see cref="RotatedRefreshTokens"/>, so a restarted router or another router refreshes with it.
/// </summary>
internal sealed class PipedriveTokens(RotatedRefreshTokens refreshTokens, VendorClient crm, ConnectorEvents events)
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    public async Task<AccessToken> AcquireAsync(CrmConnection connection, PipedriveSettings settings, CancellationToken cancellationToken)
    {
        if (settings.ApiToken is { } apiToken)
        {
            return new AccessToken(apiToken, null);
        }

        var newest = await refreshTokens.NewestAsync(connection, cancellationToken);
        try
        {
            return await RefreshAsync(connection, settings, newest, cancellationToken);
        }
        catch (CrmLookupException ex) when (ex.Kind == CrmFailureKind.Unauthorized)
        {
            // Another router may have spent that token a moment ago and stored the one it received.
            refreshTokens.Forget(connection);
            var stored = await refreshTokens.NewestAsync(connection, cancellationToken);
            if (stored is null || stored == newest)
            {
                throw;
            }

            return await RefreshAsync(connection, settings, stored, cancellationToken);
        }
    }

    /// <summary><paramref name="rotated"/> is the newest token issued earlier, <c>null</c> to use the connection's own.</summary>
    private async Task<AccessToken> RefreshAsync(CrmConnection connection, PipedriveSettings settings, string? rotated, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = rotated ?? settings.RefreshToken };
        var clientAuth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        events.RequestingCredential(connection.Name, "refresh_token", settings.TokenUrl);
        var token = await crm.RequestTokenAsync(settings.TokenUrl, form, connection.Name, cancellationToken, clientAuth);

        if (!string.IsNullOrEmpty(token.RefreshToken) && token.RefreshToken != form["refresh_token"])
        {
            await refreshTokens.KeepAsync(connection, rotated, token.RefreshToken);
        }

        var apiBase = token.ApiDomain is { Length: > 0 } domain ? CrmUrls.Parse(domain, "api_domain (token answer)", connection.Name) : settings.BaseUrl;
        return events.CredentialObtained(connection.Name, token.AccessToken!, token.Lifetime(DefaultLifetime), crm.Time.GetUtcNow(), apiBase);
    }
}

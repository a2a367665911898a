namespace AriCrmRouter.Crm.Connectors.Bullhorn;

/// <summary>Bullhorn's login chain: loginInfo, authorize (code), token, REST login.</summary>
internal sealed partial class BullhornConnector
{
    private const int MaxDataCentreRedirects = 3;

    private async Task<BullhornSession> AcquireAsync(CrmConnection connection, string credentialKey, BullhornSettings settings, CancellationToken cancellationToken)
    {
        var connectionName = connection.Name;
        var refreshToken = await _refreshTokens.NewestAsync(connection, cancellationToken);
        if (refreshToken is not null)
        {
            try
            {
                var known = _endpoints.TryGetValue(credentialKey, out var cached) ? cached : await LoginInfoAsync(connectionName, settings, cancellationToken);
                var renewed = await TokenAsync(connectionName, settings, known, [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], cancellationToken);
                return await RestLoginAsync(connection, credentialKey, refreshToken, settings, known, renewed, cancellationToken);
            }
            catch (CrmLookupException ex) when (ex.Kind == CrmFailureKind.Unauthorized)
            {
                _refreshTokens.Forget(connection);
                Events.RefreshTokenRefused(connectionName);
            }
        }

        var endpoints = await LoginInfoAsync(connectionName, settings, cancellationToken);
        var code = await AuthorizeAsync(connectionName, settings, endpoints, cancellationToken);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "authorization_code"), new("code", code) };
        if (settings.RedirectUri is { } redirect)
        {
            form.Add(new("redirect_uri", redirect));
        }

        var token = await TokenAsync(connectionName, settings, endpoints, form, cancellationToken);
        return await RestLoginAsync(connection, credentialKey, refreshToken, settings, endpoints, token, cancellationToken);
    }

    private async Task<BullhornEndpoints> LoginInfoAsync(string connectionName, BullhornSettings settings, CancellationToken cancellationToken)
    {
        Log.BullhornLoginInfo(_logger, connectionName);
        var uri = new Uri(settings.RestServices, $"loginInfo?username={Uri.EscapeDataString(settings.UserName)}");
        for (var hop = 0; ; hop++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, uri);
            var response = await Crm.SendAsync(message, connectionName, "loginInfo", cancellationToken);
            if (response.IsRedirect && response.Location is { } location && hop < MaxDataCentreRedirects)
            {
                // A user of another data centre gets a 307 to it.
                Log.BullhornDataCentreRedirect(_logger, connectionName);
                uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                if (!CrmUrls.IsAllowed(uri))
                {
                    throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': loginInfo: redirected to a non-https URL");
                }

                continue;
            }

            response.EnsureSuccess(connectionName, "loginInfo", authenticating: true);
            var answer = response.Deserialize(BullhornJsonContext.Default.BullhornLoginInfoAnswer, connectionName, "loginInfo");
            if (!TryAllowed(answer.OAuthUrl, out var oauthUrl) || !TryAllowed(answer.RestUrl, out var restUrl))
            {
                throw VendorJson.Malformed(connectionName, "loginInfo", "the answer has no https oauthUrl and restUrl");
            }

            return new BullhornEndpoints(BullhornSettings.WithSlash(oauthUrl), BullhornSettings.WithSlash(restUrl));
        }
    }

    /// <summary>
    /// <c>authorize?client_id&amp;response_type=code&amp;action=Login&amp;username&amp;password</c>: Bullhorn answers with a
    /// redirect to the registered redirect URI carrying <c>code</c>. The redirect is not followed (the
    /// authorize client does not follow redirects), so the code never leaves for the redirect target.
    /// </summary>
    private async Task<string> AuthorizeAsync(string connectionName, BullhornSettings settings, BullhornEndpoints endpoints, CancellationToken cancellationToken)
    {
        Events.RequestingCredential(connectionName, "authorize", endpoints.OAuthUrl);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("client_id", settings.ClientId),
            new("response_type", "code"),
            new("action", "Login"),
            new("username", settings.UserName),
            new("password", settings.Password),
        };
        if (settings.RedirectUri is { } redirect)
        {
            parameters.Add(new("redirect_uri", redirect));
        }

        // Bullhorn documents the GET form (the password in the query of an https request to its OAuth server,
        // which this client never logs); authorizeMethod=post sends the same parameters as a form body.
        using var message = settings.AuthorizeWithGet
            ? new HttpRequestMessage(HttpMethod.Get, new Uri(endpoints.OAuthUrl, "authorize?" + FormQuery(parameters)))
            : new HttpRequestMessage(HttpMethod.Post, new Uri(endpoints.OAuthUrl, "authorize")) { Content = new FormUrlEncodedContent(parameters) };
        var requested = message.RequestUri;
        var response = await Crm.SendAsync(AuthorizeClientName, message, connectionName, "authorize", cancellationToken);
        Uri? carrier = null;
        if (response.IsRedirect && response.Location is { } location)
        {
            carrier = location.IsAbsoluteUri ? location : new Uri(endpoints.OAuthUrl, location);
        }
        else if (response.FinalUri is { } final && final != requested && QueryValue(final, "code") is not null)
        {
            Log.BullhornAuthorizeRedirectFollowed(_logger, connectionName, AuthorizeClientName);
            carrier = final;
        }
        else
        {
            response.EnsureSuccess(connectionName, "authorize", authenticating: true);
        }

        return QueryValue(carrier, "code")
            ?? throw new CrmLookupException(CrmFailureKind.Unauthorized, $"connection '{connectionName}': authorize: Bullhorn issued no authorization code (check username, password, client id and redirect URI)");
    }

    private async Task<TokenGrant> TokenAsync(string connectionName, BullhornSettings settings, BullhornEndpoints endpoints, List<KeyValuePair<string, string>> grant, CancellationToken cancellationToken)
    {
        grant.Add(new("client_id", settings.ClientId));
        grant.Add(new("client_secret", settings.ClientSecret));
        var tokenUrl = new Uri(endpoints.OAuthUrl, "token");
        Events.RequestingCredential(connectionName, grant[0].Value, tokenUrl);
        var response = await Crm.PostTokenAsync(tokenUrl, grant, connectionName, cancellationToken);
        var answer = response.Deserialize(CrmJsonContext.Default.OAuthTokenAnswer, connectionName, OAuthTokenEndpoint.Step);
        if (string.IsNullOrEmpty(answer.AccessToken))
        {
            throw VendorJson.Malformed(connectionName, OAuthTokenEndpoint.Step, "the answer has no access_token");
        }

        return new TokenGrant(answer.AccessToken, answer.RefreshToken, answer.ExpiresIn is > 0 ? answer.ExpiresIn.Value : 600);
    }

    /// <summary><paramref name="replaced"/>: the refresh token read before this login (spent or refused), which the new one replaces.</summary>
    private async Task<BullhornSession> RestLoginAsync(
        CrmConnection connection, string credentialKey, string? replaced, BullhornSettings settings, BullhornEndpoints endpoints, TokenGrant token, CancellationToken cancellationToken)
    {
        var connectionName = connection.Name;
        // Bullhorn's REST login takes the (10-minute, single-purpose) access token as a query parameter.
        var uri = new Uri(endpoints.RestServices, $"login?version=*&access_token={Uri.EscapeDataString(token.AccessToken)}");
        using var message = new HttpRequestMessage(settings.LoginWithGet ? HttpMethod.Get : HttpMethod.Post, uri);
        var response = await Crm.SendAsync(message, connectionName, "login", cancellationToken);
        response.EnsureSuccess(connectionName, "login", authenticating: true);
        var answer = response.Deserialize(BullhornJsonContext.Default.BullhornLoginAnswer, connectionName, "login");
        if (string.IsNullOrEmpty(answer.BhRestToken) || !TryAllowed(answer.RestUrl, out var restUrl))
        {
            throw VendorJson.Malformed(connectionName, "login", "the answer has no BhRestToken and https restUrl");
        }

        _endpoints[credentialKey] = endpoints;
        if (token.RefreshToken is { Length: > 0 } refreshToken)
        {
            await _refreshTokens.KeepAsync(connection, replaced, refreshToken);
        }

        return new BullhornSession(answer.BhRestToken, BullhornSettings.WithSlash(restUrl), Crm.Time.GetUtcNow().AddSeconds(token.ExpiresInSeconds));
    }

    private static bool TryAllowed(string? value, out Uri uri)
    {
        uri = null!;
        return value is not null && Uri.TryCreate(value, UriKind.Absolute, out uri!) && CrmUrls.IsAllowed(uri);
    }

    private static string FormQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    private static string? QueryValue(Uri? uri, string name)
    {
        if (uri is null)
        {
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == name && parts[1].Length > 0)
            {
                return Uri.UnescapeDataString(parts[1].Replace('+', ' '));
            }
        }

        return null;
    }

    private sealed record TokenGrant(string AccessToken, string? RefreshToken, long ExpiresInSeconds)
    {
        public override string ToString() => "TokenGrant (values hidden)";
    }
}

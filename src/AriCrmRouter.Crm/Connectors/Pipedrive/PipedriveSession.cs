namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>
/// One lookup's conversation with Pipedrive: the credential, the API base the token answer named, and how an
/// answer's status becomes a document, a "not found", a rejected credential or a typed failure.
/// </summary>
internal sealed class PipedriveSession(VendorClient crm, ConnectorEvents events, CrmConnection connection, PipedriveSettings settings, AccessToken token)
{
    public CrmConnection Connection { get; } = connection;

    public PipedriveSettings Settings { get; } = settings;

    public ConnectorEvents Events { get; } = events;

    /// <summary>
    /// <c>GET</c> with the API token (<c>x-api-token</c>) or the OAuth bearer; <c>null</c> for a 404 when
    /// <paramref name="notFoundIsNull"/>. A 401 is thrown as <see cref="CredentialRejectedException"/> so the
    /// credential cache refreshes once.
    /// </summary>
    public async Task<JsonDocument?> GetAsync(string pathAndQuery, string step, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        var apiBase = token.ApiBase ?? Settings.BaseUrl;
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(apiBase, pathAndQuery));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (Settings.ApiToken is not null)
        {
            message.Headers.Add("x-api-token", token.Value);
        }
        else
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        }

        var answer = await crm.SendAsync(message, Connection.Name, step, cancellationToken);
        if (answer.Status == HttpStatusCode.NotFound && notFoundIsNull)
        {
            return null;
        }

        // Pipedrive documents x-ratelimit-reset as the seconds until the window resets.
        Events.EnsureAccepted(answer, Connection.Name, step, limited => RateLimitWait.FromSecondsHeader(limited.Header("x-ratelimit-reset")));
        return answer.Json(Connection.Name, step);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Pipedrive session for {Connection.Name}");
}

namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>
/// One lookup's conversation with Pipedrive: the credential, the API base the token answer named, and how an
/// answer's status becomes a document, a "not found", a rejected credential or a typed failure.
/// </summary>
internal sealed class PipedriveSession(
    HttpClient http,
    CrmConnection connection,
    PipedriveSettings settings,
    AccessToken token,
    int maxResponseBytes,
    TimeProvider timeProvider,
    ILogger logger)
{
    public CrmConnection Connection { get; } = connection;

    public PipedriveSettings Settings { get; } = settings;

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

        var answer = await VendorHttp.SendAsync(http, message, maxResponseBytes, timeProvider, Connection.Name, step, cancellationToken);
        if (answer.Status == HttpStatusCode.Unauthorized)
        {
            Log.PipedriveCredentialRejected(logger, Connection.Name);
            throw new CredentialRejectedException($"connection '{Connection.Name}': Pipedrive rejected the credential");
        }

        if (answer.Status == HttpStatusCode.NotFound && notFoundIsNull)
        {
            return null;
        }

        if (!answer.IsSuccess)
        {
            throw RateLimitAware(VendorHttp.Failure(answer, timeProvider, Connection.Name, step), answer);
        }

        return answer.Json(Connection.Name, step);
    }

    private CrmLookupException RateLimitAware(CrmLookupException failure, VendorAnswer answer)
    {
        if (failure.Kind == CrmFailureKind.RateLimited && failure.RetryAfter is null)
        {
            // Pipedrive documents x-ratelimit-reset as the seconds until the window resets.
            failure = new CrmLookupException(failure.Kind, failure.Message) { RetryAfter = RateLimitWait.FromSecondsHeader(answer.Header("x-ratelimit-reset")) };
        }

        if (failure.Kind == CrmFailureKind.RateLimited)
        {
            Log.PipedriveRateLimited(logger, Connection.Name, failure.RetryAfter);
        }

        return failure;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Pipedrive session for {Connection.Name}");
}

namespace AriCrmRouter.Crm.Connectors.Zoho;

/// <summary>
/// Zoho CRM (REST API v2..v8): refresh-token grant against the data centre's accounts server, records found
/// with the module's search API (<c>phone=</c> or <c>criteria=(Key:equals:value)</c>).
/// </summary>
internal sealed class ZohoConnector(
    IHttpClientFactory httpClientFactory,
    IOptions<CrmOptions> options,
    TimeProvider timeProvider,
    ILogger<ZohoConnector> logger) : CrmConnector<ZohoSettings>(options)
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    private readonly CredentialCache<AccessToken> _tokens = new(timeProvider);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, ZohoSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        ConnectionSettingsReader.RequireApiNames(connection, request, ApiNames.IsIdentifier, ApiNames.IsIdentifier);
        var http = httpClientFactory.CreateClient(CrmHttp.ClientName);
        return await _tokens.UseAsync(
            CredentialKey.For(connection),
            ct => AcquireTokenAsync(http, connection, settings, ct),
            (token, ct) => SearchAsync(http, connection, settings, request, token, ct),
            cancellationToken);
    }

    private async Task<AccessToken> AcquireTokenAsync(HttpClient http, CrmConnection connection, ZohoSettings settings, CancellationToken cancellationToken)
    {
        Log.ZohoRequestingToken(logger, connection.Name, settings.AccountsUrl.Host);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = settings.ClientId,
            ["client_secret"] = settings.ClientSecret,
            ["refresh_token"] = settings.RefreshToken,
        };
        var answer = await OAuthTokenEndpoint.PostAsync(
            http, new Uri(settings.AccountsUrl, "oauth/v2/token"), form, null, Options.MaxResponseBytes, timeProvider, connection.Name, cancellationToken);
        var token = answer.Deserialize(ZohoJsonContext.Default.ZohoTokenAnswer, connection.Name, OAuthTokenEndpoint.Step);
        if (string.IsNullOrEmpty(token.AccessToken))
        {
            // Zoho reports a bad refresh token or client with HTTP 200 and {"error":"invalid_code"}.
            throw OAuthTokenEndpoint.Refused(answer, connection.Name);
        }

        var apiDomain = settings.ApiDomain
            ?? (token.ApiDomain is { Length: > 0 } domain ? CrmUrls.Parse(domain, "api_domain (token answer)", connection.Name) : null)
            ?? ZohoSettings.DefaultApiDomain(connection);
        var lifetime = token.ExpiresIn is > 0 ? TimeSpan.FromSeconds(token.ExpiresIn.Value) : DefaultTokenLifetime;
        Log.ZohoTokenObtained(logger, connection.Name, apiDomain.Host, lifetime);
        return new AccessToken(token.AccessToken, timeProvider.GetUtcNow() + lifetime, apiDomain);
    }

    private async Task<LookupOutcome> SearchAsync(
        HttpClient http, CrmConnection connection, ZohoSettings settings, CrmLookupRequest request, AccessToken token, CancellationToken cancellationToken)
    {
        var searches = request.ByKey
            ? [("criteria", ZohoCriteria.EqualsCriterion(request.KeyField!, request.Dtmf!))]
            : ConnectionSettingsReader.Phone(request, settings.Region).All.Select(v => ("phone", v)).ToList();
        Log.ZohoSearching(logger, connection.Name, request.Module, request.ByKey ? "key field" : "phone");
        foreach (var (parameter, value) in searches)
        {
            var record = await SearchOnceAsync(http, connection, settings, request, token, parameter, value, cancellationToken);
            if (record is { } found)
            {
                return JsonFieldText.TryGetPath(found, request.Field, out var field) && JsonFieldText.Render(field) is { } text
                    ? LookupOutcome.Found(text)
                    : NotFound(connection, request);
            }
        }

        return NotFound(connection, request);
    }

    private async Task<JsonElement?> SearchOnceAsync(
        HttpClient http,
        CrmConnection connection,
        ZohoSettings settings,
        CrmLookupRequest request,
        AccessToken token,
        string parameter,
        string value,
        CancellationToken cancellationToken)
    {
        var query = $"{parameter}={Uri.EscapeDataString(value)}&fields={Uri.EscapeDataString(request.Field)}&per_page=1";
        var url = new Uri(token.ApiBase!, $"crm/{settings.ApiVersion}/{request.Module}/search?{query}");
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token.Value);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var answer = await VendorHttp.SendAsync(http, message, Options.MaxResponseBytes, timeProvider, connection.Name, "search", cancellationToken);
        if (answer.Status == HttpStatusCode.NoContent || (answer.IsSuccess && answer.IsEmpty))
        {
            return null;
        }

        if (answer.Status == HttpStatusCode.Unauthorized)
        {
            Log.ZohoTokenRejected(logger, connection.Name);
            throw new CredentialRejectedException($"connection '{connection.Name}': Zoho rejected the access token");
        }

        if (!answer.IsSuccess)
        {
            var failure = VendorHttp.Failure(answer, timeProvider, connection.Name, "search");
            if (failure.Kind == CrmFailureKind.RateLimited)
            {
                Log.ZohoRateLimited(logger, connection.Name, failure.RetryAfter);
            }

            throw failure;
        }

        using var json = answer.Json(connection.Name, "search");
        if (json.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Array)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connection.Name}': Zoho search answer has no data array");
        }

        return data.GetArrayLength() == 0 ? null : data[0].Clone();
    }

    private LookupOutcome NotFound(CrmConnection connection, CrmLookupRequest request)
    {
        Log.ZohoNotFound(logger, connection.Name, request.Module, request.Field);
        return LookupOutcome.NotFound;
    }
}

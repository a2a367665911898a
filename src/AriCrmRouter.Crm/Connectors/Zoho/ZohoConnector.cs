namespace AriCrmRouter.Crm.Connectors.Zoho;

/// <summary>
/// Zoho CRM (REST API v2..v8): refresh-token grant against the data centre's accounts server, records found
/// with the module's search API (<c>phone=</c> or <c>criteria=(Key:equals:value)</c>).
/// </summary>
internal sealed class ZohoConnector(VendorClient crm, ILogger<ZohoConnector> logger) : CrmConnector<ZohoSettings>(crm, logger)
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, ZohoSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        ConnectionSettingsReader.RequireApiNames(connection, request, ApiNames.IsIdentifier, ApiNames.IsIdentifier);
        return await WithAccessTokenAsync(
            connection, settings, AcquireTokenAsync, (token, ct) => SearchAsync(connection, settings, request, token, ct), cancellationToken);
    }

    private Task<AccessToken> AcquireTokenAsync(CrmConnection connection, ZohoSettings settings, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = settings.ClientId,
            ["client_secret"] = settings.ClientSecret,
            ["refresh_token"] = settings.RefreshToken,
        };
        return RequestTokenAsync(connection, new Uri(settings.AccountsUrl, "oauth/v2/token"), form, DefaultTokenLifetime, ApiDomain, cancellationToken);

        Uri ApiDomain(OAuthTokenAnswer token) => settings.ApiDomain
            ?? (token.ApiDomain is { Length: > 0 } domain ? CrmUrls.Parse(domain, "api_domain (token answer)", connection.Name) : null)
            ?? ZohoSettings.DefaultApiDomain(connection);
    }

    private async Task<LookupOutcome> SearchAsync(
        CrmConnection connection, ZohoSettings settings, CrmLookupRequest request, AccessToken token, CancellationToken cancellationToken)
    {
        var searches = request.ByKey
            ? [("criteria", ZohoCriteria.EqualsCriterion(request.KeyField!, request.Dtmf!))]
            : ConnectionSettingsReader.Phone(request, settings.Region).All.Select(v => ("phone", v)).ToList();
        Events.Searching(connection.Name, request.Module, request.ByKey ? "key field" : "phone");
        foreach (var (parameter, value) in searches)
        {
            var record = await SearchOnceAsync(connection, settings, request, token, parameter, value, cancellationToken);
            if (record is { } found)
            {
                return JsonFieldText.TryGetPath(found, request.Field, out var field) && JsonFieldText.Render(field) is { } text
                    ? LookupOutcome.Found(text)
                    : Events.NotFound(connection.Name, request);
            }
        }

        return Events.NotFound(connection.Name, request);
    }

    private async Task<JsonElement?> SearchOnceAsync(
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
        var answer = await Crm.SendAsync(message, connection.Name, "search", cancellationToken);
        if (answer.Status == HttpStatusCode.NoContent || (answer.IsSuccess && answer.IsEmpty))
        {
            return null;
        }

        Events.EnsureAccepted(answer, connection.Name, "search");

        using var json = answer.Json(connection.Name, "search");
        if (json.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Array)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connection.Name}': Zoho search answer has no data array");
        }

        return data.GetArrayLength() == 0 ? null : data[0].Clone();
    }
}

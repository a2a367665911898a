namespace AriCrmRouter.Crm.Connectors.Salesforce;

/// <summary>
/// Salesforce REST API: OAuth refresh-token or client-credentials grant, SOSL <c>IN PHONE FIELDS</c> for the
/// caller's number and SOQL for a DTMF key.
/// </summary>
internal sealed class SalesforceConnector(
    IHttpClientFactory httpClientFactory,
    IOptions<CrmOptions> options,
    TimeProvider timeProvider,
    ILogger<SalesforceConnector> logger) : CrmConnector<SalesforceSettings>(options)
{
    private readonly CredentialCache<AccessToken> _tokens = new(timeProvider);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, SalesforceSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        ConnectionSettingsReader.RequireApiNames(connection, request, ApiNames.IsIdentifier, ApiNames.IsDottedPath);
        var query = request.ByKey ? SoqlByKey(request) : SoslByPhone(request, settings.Region);
        if (query is null)
        {
            return NotFound(connection, request);
        }

        var http = httpClientFactory.CreateClient(CrmHttp.ClientName);
        return await _tokens.UseAsync(
            CredentialKey.For(connection),
            ct => AcquireTokenAsync(http, connection, settings, ct),
            (token, ct) => QueryAsync(http, connection, settings, request, query.Value, token, ct),
            cancellationToken);
    }

    /// <summary>SOSL over the digit forms of the number, each a quoted, escaped phrase, ORed.</summary>
    internal static (string Resource, string Text)? SoslByPhone(CrmLookupRequest request, string region)
    {
        var forms = ConnectionSettingsReader.Phone(request, region);
        var terms = forms.DigitForms.Count > 0 ? forms.DigitForms : (forms.Raw.Length > 0 ? [forms.Raw] : []);
        if (terms.Count == 0)
        {
            return null;
        }

        var search = string.Join(" OR ", terms.Select(SalesforceQueryText.SoslPhrase));
        return ("search/", $"FIND {{{search}}} IN PHONE FIELDS RETURNING {request.Module}({SelectList(request.Field)}) LIMIT 1");
    }

    internal static (string Resource, string Text)? SoqlByKey(CrmLookupRequest request) =>
        ("query/", $"SELECT {SelectList(request.Field)} FROM {request.Module} WHERE {request.KeyField} = {SalesforceQueryText.SoqlLiteral(request.Dtmf!)} LIMIT 1");

    private static string SelectList(string field) =>
        string.Equals(field, "Id", StringComparison.OrdinalIgnoreCase) ? "Id" : $"Id,{field}";

    private async Task<AccessToken> AcquireTokenAsync(HttpClient http, CrmConnection connection, SalesforceSettings settings, CancellationToken cancellationToken)
    {
        Log.SalesforceRequestingToken(logger, connection.Name, settings.GrantType, settings.LoginUrl.Host);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = settings.GrantType,
            ["client_id"] = settings.ClientId,
            ["client_secret"] = settings.ClientSecret,
        };
        if (settings.RefreshToken is { } refreshToken)
        {
            form["refresh_token"] = refreshToken;
        }

        var answer = await OAuthTokenEndpoint.PostAsync(
            http, new Uri(settings.LoginUrl, "services/oauth2/token"), form, null, Options.MaxResponseBytes, timeProvider, connection.Name, cancellationToken);
        var token = answer.Deserialize(SalesforceJsonContext.Default.SalesforceTokenAnswer, connection.Name, OAuthTokenEndpoint.Step);
        if (string.IsNullOrEmpty(token.AccessToken))
        {
            throw OAuthTokenEndpoint.Refused(answer, connection.Name);
        }

        var instance = settings.InstanceUrl
            ?? (token.InstanceUrl is { Length: > 0 } url
                ? CrmUrls.Parse(url, "instance_url (token answer)", connection.Name)
                : throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connection.Name}': the token answer has no instance_url"));
        var lifetime = token.ExpiresIn is > 0 ? TimeSpan.FromSeconds(token.ExpiresIn.Value) : settings.SessionLifetime;
        Log.SalesforceTokenObtained(logger, connection.Name, instance.Host);
        return new AccessToken(token.AccessToken, lifetime is { } l ? timeProvider.GetUtcNow() + l : null, instance);
    }

    private async Task<LookupOutcome> QueryAsync(
        HttpClient http,
        CrmConnection connection,
        SalesforceSettings settings,
        CrmLookupRequest request,
        (string Resource, string Text) query,
        AccessToken token,
        CancellationToken cancellationToken)
    {
        var step = request.ByKey ? "SOQL query" : "SOSL search";
        Log.SalesforceSearching(logger, connection.Name, request.Module, request.ByKey ? "SOQL" : "SOSL");
        var url = new Uri(token.ApiBase!, $"services/data/v{settings.ApiVersion}/{query.Resource}?q={Uri.EscapeDataString(query.Text)}");
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var answer = await VendorHttp.SendAsync(http, message, Options.MaxResponseBytes, timeProvider, connection.Name, step, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw Failure(connection, answer, step);
        }

        using var json = answer.Json(connection.Name, step);
        var records = Records(json.RootElement, connection);
        if (records.GetArrayLength() == 0)
        {
            return NotFound(connection, request);
        }

        return JsonFieldText.TryGetPath(records[0], request.Field, out var value) && JsonFieldText.Render(value) is { } text
            ? LookupOutcome.Found(text)
            : NotFound(connection, request);
    }

    /// <summary>SOSL answers <c>searchRecords</c> (a bare array before API 37), SOQL answers <c>records</c>.</summary>
    private static JsonElement Records(JsonElement root, CrmConnection connection)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind == JsonValueKind.Object
            && (root.TryGetProperty("searchRecords", out var records) || root.TryGetProperty("records", out records))
            && records.ValueKind == JsonValueKind.Array)
        {
            return records;
        }

        throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connection.Name}': the Salesforce answer has no records");
    }

    private Exception Failure(CrmConnection connection, VendorAnswer answer, string step)
    {
        var errorCode = ErrorCode(answer);
        if (answer.Status == HttpStatusCode.Unauthorized || errorCode == "INVALID_SESSION_ID")
        {
            Log.SalesforceSessionRejected(logger, connection.Name);
            return new CredentialRejectedException($"connection '{connection.Name}': Salesforce rejected the session");
        }

        if (errorCode == "REQUEST_LIMIT_EXCEEDED" || answer.Status == HttpStatusCode.TooManyRequests)
        {
            var limited = VendorHttp.RateLimited(answer, timeProvider, connection.Name, step);
            Log.SalesforceRateLimited(logger, connection.Name, limited.RetryAfter);
            return limited;
        }

        if (answer.StatusCode == 400 && errorCode is not null)
        {
            return new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connection.Name}': Salesforce refused the {step} ({errorCode}); check module and field API names");
        }

        return VendorHttp.Failure(answer, timeProvider, connection.Name, step);
    }

    /// <summary>Salesforce errors are <c>[{"message":..,"errorCode":..}]</c>.</summary>
    private static string? ErrorCode(VendorAnswer answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer.Body);
            var root = json.RootElement;
            var first = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 ? root[0] : root;
            return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private LookupOutcome NotFound(CrmConnection connection, CrmLookupRequest request)
    {
        Log.SalesforceNotFound(logger, connection.Name, request.Module, request.Field);
        return LookupOutcome.NotFound;
    }
}

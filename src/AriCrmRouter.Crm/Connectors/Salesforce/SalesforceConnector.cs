namespace AriCrmRouter.Crm.Connectors.Salesforce;

/// <summary>
/// Salesforce REST API: OAuth refresh-token or client-credentials grant, SOSL <c>IN PHONE FIELDS</c> for the
/// caller's number and SOQL for a DTMF key.
/// </summary>
internal sealed class SalesforceConnector(VendorClient crm, ILogger<SalesforceConnector> logger) : CrmConnector<SalesforceSettings>(crm, logger)
{
    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, SalesforceSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        ConnectionSettingsReader.RequireApiNames(connection, request, ApiNames.IsIdentifier, ApiNames.IsDottedPath);
        var query = request.ByKey ? SoqlByKey(request) : SoslByPhone(request, settings.Region);
        if (query is null)
        {
            return Events.NotFound(connection.Name, request);
        }

        return await WithAccessTokenAsync(
            connection, settings, AcquireTokenAsync, (token, ct) => QueryAsync(connection, settings, request, query.Value, token, ct), cancellationToken);
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

    private Task<AccessToken> AcquireTokenAsync(CrmConnection connection, SalesforceSettings settings, CancellationToken cancellationToken)
    {
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

        return RequestTokenAsync(connection, new Uri(settings.LoginUrl, "services/oauth2/token"), form, settings.SessionLifetime, InstanceUrl, cancellationToken);

        Uri InstanceUrl(OAuthTokenAnswer token) => settings.InstanceUrl
            ?? (token.InstanceUrl is { Length: > 0 } url
                ? CrmUrls.Parse(url, "instance_url (token answer)", connection.Name)
                : throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connection.Name}': the token answer has no instance_url"));
    }

    private async Task<LookupOutcome> QueryAsync(
        CrmConnection connection,
        SalesforceSettings settings,
        CrmLookupRequest request,
        (string Resource, string Text) query,
        AccessToken token,
        CancellationToken cancellationToken)
    {
        var step = request.ByKey ? "SOQL query" : "SOSL search";
        Events.Searching(connection.Name, request.Module, request.ByKey ? "SOQL" : "SOSL");
        var url = new Uri(token.ApiBase!, $"services/data/v{settings.ApiVersion}/{query.Resource}?q={Uri.EscapeDataString(query.Text)}");
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var answer = await Crm.SendAsync(message, connection.Name, step, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw Failure(connection, answer, step);
        }

        using var json = answer.Json(connection.Name, step);
        var records = Records(json.RootElement, connection);
        if (records.GetArrayLength() == 0)
        {
            return Events.NotFound(connection.Name, request);
        }

        return JsonFieldText.TryGetPath(records[0], request.Field, out var value) && JsonFieldText.Render(value) is { } text
            ? LookupOutcome.Found(text)
            : Events.NotFound(connection.Name, request);
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
            return Events.CredentialRejected(connection.Name, errorCode ?? "HTTP 401");
        }

        if (errorCode == "REQUEST_LIMIT_EXCEEDED" || answer.Status == HttpStatusCode.TooManyRequests)
        {
            return Events.RateLimited(connection.Name, VendorHttp.RateLimited(answer, Time, connection.Name, step));
        }

        if (answer.StatusCode == 400 && errorCode is not null)
        {
            return new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connection.Name}': Salesforce refused the {step} ({errorCode}); check module and field API names");
        }

        return answer.Failure(connection.Name, step);
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
}

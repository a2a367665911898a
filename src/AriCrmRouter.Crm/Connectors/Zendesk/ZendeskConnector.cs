namespace AriCrmRouter.Crm.Connectors.Zendesk;

/// <summary>
/// Zendesk Support API v2: finds an end user by phone (<c>search.json?query=type:user phone:*{digits}</c>) or
/// by DTMF (<c>external_id</c> or a user/organization field), and reads a user field, or an organization
/// field of the user's organization (module <c>organizations</c>). Basic <c>{email}/token:{api_token}</c> or
/// OAuth Bearer.
/// </summary>
internal sealed class ZendeskConnector(VendorClient crm, ILogger<ZendeskConnector> logger) : CrmConnector<ZendeskSettings>(crm, logger)
{
    private const string ExternalId = "external_id";

    private readonly CredentialCache<ZendeskCredential> _credentials = new(crm.Time);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, ZendeskSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var target = ZendeskTarget.Parse(request.Module, connection.Name);
        var field = ApiNames.Require(StripPrefix(request.Field, target.FieldsProperty), "field", connection.Name);
        var search = request.ByKey ? KeySearch(connection, request, target) : PhoneSearch(connection, request);
        if (search is null)
        {
            return LookupOutcome.NotFound;
        }

        Events.Searching(connection.Name, target.Name, request.ByKey ? "key" : "phone");
        var outcome = await _credentials.UseAsync(
            CredentialKey.For(connection),
            _ => Task.FromResult(new ZendeskCredential(settings.Authorization)),
            (credential, ct) => FindAsync(new Call(connection.Name, settings, credential), search, target, field, ct),
            cancellationToken);
        return Events.Answered(connection.Name, target.Name, outcome);
    }

    private ZendeskSearch? PhoneSearch(CrmConnection connection, CrmLookupRequest request)
    {
        var forms = Crm.CallerForms(connection, request);
        var query = ZendeskQuery.Phone(forms.NationalDigits ?? forms.Digits);
        return query is null ? null : new ZendeskSearch($"search.json?query={Uri.EscapeDataString(query)}&per_page=1", "results", ZendeskTarget.Users);
    }

    private static ZendeskSearch? KeySearch(CrmConnection connection, CrmLookupRequest request, ZendeskTarget target)
    {
        var key = ApiNames.Require(StripPrefix(request.KeyField!, target.FieldsProperty), "key field", connection.Name);
        if (key == ExternalId)
        {
            return new ZendeskSearch($"{target.Name}/search.json?external_id={Uri.EscapeDataString(request.Dtmf!)}", target.Name, target);
        }

        var query = ZendeskQuery.FieldEquals(target.SearchType, key, request.Dtmf!);
        return query is null ? null : new ZendeskSearch($"search.json?query={Uri.EscapeDataString(query)}&per_page=1", "results", target);
    }

    private static string StripPrefix(string name, string fieldsProperty) =>
        name.StartsWith(fieldsProperty + ".", StringComparison.Ordinal) ? name[(fieldsProperty.Length + 1)..] : name;

    private async Task<LookupOutcome> FindAsync(Call call, ZendeskSearch search, ZendeskTarget target, string field, CancellationToken cancellationToken)
    {
        using var found = await GetAsync(call, search.PathAndQuery, "search", cancellationToken);
        if (VendorJson.FirstItem(found.RootElement, search.ListProperty, call.ConnectionName, "search") is not { } record)
        {
            return LookupOutcome.NotFound;
        }

        if (search.Finds == target)
        {
            return Read(record, target.FieldsProperty, field);
        }

        // Found a user, the rule reads its organization.
        if (!VendorJson.TryGetProperty(record, "organization_id", out var organizationId) || organizationId.ValueKind != JsonValueKind.Number)
        {
            return LookupOutcome.NotFound;
        }

        Events.ReadingDefinitions(call.ConnectionName, "the user's organization");
        var id = organizationId.GetInt64().ToString(CultureInfo.InvariantCulture);
        using var organization = await GetAsync(call, $"organizations/{id}.json", "organization", cancellationToken);
        return VendorJson.TryGetProperty(organization.RootElement, "organization", out var org)
            ? Read(org, target.FieldsProperty, field)
            : throw VendorJson.Malformed(call.ConnectionName, "organization", "the answer has no 'organization'");
    }

    /// <summary>A custom field (<c>user_fields</c>/<c>organization_fields</c>) first, then a standard attribute.</summary>
    private static LookupOutcome Read(JsonElement record, string fieldsProperty, string field)
    {
        return VendorJson.TryGetProperty(record, fieldsProperty, out var custom) && VendorJson.TryGetProperty(custom, field, out _)
            ? VendorJson.FieldOutcome(custom, field)
            : VendorJson.FieldOutcome(record, field);
    }

    private async Task<JsonDocument> GetAsync(Call call, string pathAndQuery, string step, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(call.Settings.ApiBase, pathAndQuery));
        message.Headers.Authorization = call.Credential.Authorization;
        message.Headers.Accept.Add(new("application/json"));
        var response = await Crm.SendAsync(message, call.ConnectionName, step, cancellationToken);
        response.EnsureSuccess(call.ConnectionName, step);
        return VendorJson.Parse(response.Body, call.ConnectionName, step);
    }

    private sealed record Call(string ConnectionName, ZendeskSettings Settings, ZendeskCredential Credential);

    /// <summary>A search request, the list property its answer has, and what kind of record it finds.</summary>
    private sealed record ZendeskSearch(string PathAndQuery, string ListProperty, ZendeskTarget Finds);
}

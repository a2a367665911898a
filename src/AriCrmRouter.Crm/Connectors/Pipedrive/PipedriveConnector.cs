namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>
/// Pipedrive API v2: API token (<c>x-api-token</c> header) or OAuth (<see cref="PipedriveTokens"/>), persons
/// found with the search API (<see cref="PipedriveSearch"/>: phone, or a custom field for DTMF keys), then the
/// record read by id because search results carry no custom fields; field names are mapped to their keys with
/// the personFields/organizationFields definitions (<see cref="PipedriveFieldDefinitions"/>).
/// </summary>
internal sealed class PipedriveConnector(VendorClient crm, ILogger<PipedriveConnector> logger, IRefreshTokenStore? refreshTokenStore = null)
    : CrmConnector<PipedriveSettings>(crm, logger)
{
    private readonly RotatedRefreshTokens _refreshTokens = new(refreshTokenStore, logger);
    private readonly PipedriveFieldDefinitions _fieldDefinitions = new(crm.Time);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, PipedriveSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var module = request.Module.Trim().ToLowerInvariant() switch
        {
            "persons" or "person" => "persons",
            "organizations" or "organization" => "organizations",
            _ => throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connection.Name}': module '{request.Module}' is not supported (use persons or organizations)"),
        };
        request = request with { Module = module };

        var tokens = new PipedriveTokens(_refreshTokens, Crm, Events);
        return await WithAccessTokenAsync(
            connection, settings, tokens.AcquireAsync, (token, ct) => LookupWithTokenAsync(new PipedriveSession(Crm, Events, connection, settings, token), request, ct), cancellationToken);
    }

    private async Task<LookupOutcome> LookupWithTokenAsync(PipedriveSession session, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var fields = await _fieldDefinitions.ReadAsync(session, request.Module, reload: false, cancellationToken);
        if (Find(fields, request.Field) is null || (request.ByKey && Find(fields, request.KeyField!) is null))
        {
            // A field created or renamed since the definitions were cached: read them again once.
            fields = await _fieldDefinitions.ReadAsync(session, request.Module, reload: true, cancellationToken);
        }

        var field = Find(fields, request.Field) ?? throw UnknownField(session.Connection, "field", request.Field);
        var keyField = request.ByKey ? Find(fields, request.KeyField!) ?? throw UnknownField(session.Connection, "key field", request.KeyField!) : null;
        Events.Searching(session.Connection.Name, request.Module, request.ByKey ? "key field" : "phone");
        var id = request.ByKey
            ? await PipedriveSearch.ByValueAsync(session, request.Module, SearchableAs(keyField!, session.Connection), request.Dtmf!, null, cancellationToken)
            : await PipedriveSearch.ByPhoneAsync(session, request, cancellationToken);
        if (id is null)
        {
            return Events.NotFound(session.Connection.Name, request);
        }

        var customCodes = new[] { field, keyField }.Where(f => f is { IsCustom: true }).Select(f => f!.Code).Distinct(StringComparer.Ordinal).ToList();
        var query = customCodes.Count > 0 ? "?custom_fields=" + Uri.EscapeDataString(string.Join(',', customCodes)) : "";
        using var record = await session.GetAsync($"api/v2/{request.Module}/{Uri.EscapeDataString(id)}{query}", "record read", notFoundIsNull: true, cancellationToken);
        if (record is null || !record.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return Events.NotFound(session.Connection.Name, request);
        }

        // Search matches words; only a record whose key field equals the digits is the caller's.
        if (keyField is not null && !string.Equals(Value(data, keyField), request.Dtmf, StringComparison.OrdinalIgnoreCase))
        {
            return Events.NotFound(session.Connection.Name, request);
        }

        return Value(data, field) is { } text ? LookupOutcome.Found(text) : Events.NotFound(session.Connection.Name, request);
    }

    private static string SearchableAs(PipedriveField keyField, CrmConnection connection) => keyField switch
    {
        { IsCustom: true } => "custom_fields",
        { Code: "name" or "phone" or "email" or "notes" } => keyField.Code,
        _ => throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connection.Name}': key field '{keyField.Name}' is not searchable in Pipedrive"),
    };

    private static string? Value(JsonElement data, PipedriveField field)
    {
        if (field.IsCustom)
        {
            return data.TryGetProperty("custom_fields", out var custom) && custom.ValueKind == JsonValueKind.Object && custom.TryGetProperty(field.Code, out var value)
                ? field.Render(value)
                : null;
        }

        return data.TryGetProperty(field.Code, out var standard) || data.TryGetProperty(field.Code + "s", out standard) ? field.Render(standard) : null;
    }

    private static PipedriveField? Find(IReadOnlyList<PipedriveField> fields, string apiName) => PipedriveFieldDefinitions.Find(fields, apiName);

    private static CrmLookupException UnknownField(CrmConnection connection, string role, string apiName) =>
        new(CrmFailureKind.Configuration, $"connection '{connection.Name}': Pipedrive has no {role} named '{apiName}'");
}

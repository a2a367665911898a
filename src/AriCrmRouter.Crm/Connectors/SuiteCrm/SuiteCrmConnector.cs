namespace AriCrmRouter.Crm.Connectors.SuiteCrm;

/// <summary>
/// SuiteCRM, through the 7.x legacy REST API (<c>api=v4_1</c>: <c>login</c> with an md5 password, then
/// <c>get_entry_list</c> with an escaped SQL WHERE clause) or the 7.10+/8.x JSON:API (<c>api=v8</c>: OAuth2
/// token, then <c>GET /Api/V8/module/{Module}</c> with filters).
/// </summary>
internal sealed partial class SuiteCrmConnector(VendorClient crm, ILogger<SuiteCrmConnector> logger) : CrmConnector<SuiteCrmSettings>(crm, logger)
{
    private static readonly Dictionary<string, string[]> PhoneFieldsByModule = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Accounts"] = ["phone_office", "phone_alternate"],
        ["Contacts"] = ["phone_work", "phone_mobile", "phone_home", "phone_other"],
        ["Leads"] = ["phone_work", "phone_mobile", "phone_home", "phone_other"],
    };

    private readonly CredentialCache<SuiteCrmSession> _sessions = new(crm.Time);
    private readonly CredentialCache<SuiteCrmBearer> _tokens = new(crm.Time);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, SuiteCrmSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var lookup = new SuiteLookup(
            connection.Name,
            ApiNames.Require(request.Module, "module", connection.Name),
            ApiNames.Require(request.Field, "field", connection.Name),
            request.ByKey ? [ApiNames.Require(request.KeyField, "key field", connection.Name)] : PhoneFields(settings, request.Module, connection.Name),
            request.ByKey
                ? [request.Dtmf!]
                : Crm.CallerForms(connection, request).All);
        Events.Searching(connection.Name, lookup.Module, $"{(request.ByKey ? "key" : "phone")} ({(settings.Api == SuiteCrmApi.V4_1 ? "v4_1" : "v8")})");

        var outcome = settings.Api == SuiteCrmApi.V4_1
            ? await _sessions.UseAsync(CredentialKey.For(connection), ct => LoginAsync(settings, connection.Name, ct), (session, ct) => GetEntryListAsync(settings, session, lookup, ct), cancellationToken)
            : await _tokens.UseAsync(CredentialKey.For(connection), ct => RequestTokenAsync(settings, connection.Name, ct), (token, ct) => SearchJsonApiAsync(settings, token, lookup, ct), cancellationToken);
        return Events.Answered(connection.Name, lookup.Module, outcome);
    }

    private static IReadOnlyList<string> PhoneFields(SuiteCrmSettings settings, string module, string connectionName) =>
        PhoneFieldNames.Resolve(settings.PhoneFields, PhoneFieldsByModule, module, SuiteCrmSettings.PhoneFieldsKey.Name, connectionName);


    /// <summary>What to find: the record whose <see cref="KeyFields"/> equal one of <see cref="Values"/>.</summary>
    private sealed record SuiteLookup(string ConnectionName, string Module, string Field, IReadOnlyList<string> KeyFields, IReadOnlyList<string> Values);
}

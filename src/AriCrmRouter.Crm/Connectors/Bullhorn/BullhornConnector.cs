using System.Collections.Concurrent;

namespace AriCrmRouter.Crm.Connectors.Bullhorn;

/// <summary>
/// Bullhorn REST: <c>loginInfo</c> finds the user's data centre, OAuth <c>authorize</c> with
/// <c>action=Login</c> yields a code (read from the redirect, not followed), <c>token</c> trades it for an
/// access token (10 minutes) and a refresh token, REST <c>login</c> gives the BhRestToken and restUrl; then
/// <c>search/{Entity}</c> (Lucene) or <c>query/{Entity}</c> (where).
/// </summary>
internal sealed partial class BullhornConnector(VendorClient crm, ILogger<BullhornConnector> logger, IRefreshTokenStore? refreshTokenStore = null)
    : CrmConnector<BullhornSettings>(crm, logger)
{
    /// <summary>HTTP client name for <c>/oauth/authorize</c>; see <see cref="BullhornServiceCollectionExtensions.AddBullhornAuthorizeClient"/>.</summary>
    public const string AuthorizeClientName = "crm-bullhorn-authorize";

    private static readonly TimeSpan BullhornRateLimitWait = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, string[]> PhoneFieldsByEntity = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ClientContact"] = ["phone", "mobile"],
        ["Candidate"] = ["phone", "mobile", "workPhone", "phone2", "phone3"],
        ["Lead"] = ["phone", "mobile"],
        ["ClientCorporation"] = ["phone"],
    };

    private readonly ILogger<BullhornConnector> _logger = logger;
    private readonly CredentialCache<BullhornSession> _sessions = new(crm.Time);
    private readonly RotatedRefreshTokens _refreshTokens = new(refreshTokenStore, logger);

    /// <summary>The data centre of each connection, learnt at login (a refresh after a restart asks loginInfo again).</summary>
    private readonly ConcurrentDictionary<string, BullhornEndpoints> _endpoints = new(StringComparer.Ordinal);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, BullhornSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var entity = ApiNames.Require(request.Module, "entity", connection.Name);
        var field = ApiNames.Require(request.Field, "field", connection.Name);
        IReadOnlyList<string> keyFields = request.ByKey ? [ApiNames.Require(request.KeyField, "key field", connection.Name)] : PhoneFields(settings, entity, connection.Name);
        IReadOnlyList<string> values = request.ByKey
            ? [request.Dtmf!]
            : Crm.CallerForms(connection, request).All;
        var criteria = settings.UseQuery ? BullhornQuery.Where(keyFields, values) : BullhornQuery.Lucene(keyFields, values);
        if (criteria is null)
        {
            return LookupOutcome.NotFound;
        }

        var select = string.Equals(field, "id", StringComparison.Ordinal) ? "id" : $"id,{field}";
        var pathAndQuery = settings.UseQuery
            ? $"query/{entity}?where={Uri.EscapeDataString(criteria)}&fields={select}&count=1"
            : $"search/{entity}?query={Uri.EscapeDataString(criteria)}&fields={select}&count=1";
        Events.Searching(connection.Name, entity, request.ByKey ? "key" : "phone");
        var credentialKey = CredentialKey.For(connection);
        var outcome = await _sessions.UseAsync(
            credentialKey,
            ct => AcquireAsync(connection, credentialKey, settings, ct),
            (session, ct) => FindAsync(connection.Name, session, pathAndQuery, field, ct),
            cancellationToken);
        return Events.Answered(connection.Name, entity, outcome);
    }

    private static IReadOnlyList<string> PhoneFields(BullhornSettings settings, string entity, string connectionName) =>
        PhoneFieldNames.Resolve(settings.PhoneFields, PhoneFieldsByEntity, entity, BullhornSettings.PhoneFieldsKey.Name, connectionName, "entity");

    private async Task<LookupOutcome> FindAsync(string connectionName, BullhornSession session, string pathAndQuery, string field, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(session.RestUrl, pathAndQuery));
        message.Headers.Add("BhRestToken", session.RestToken);
        var response = await Crm.SendAsync(message, connectionName, "search", cancellationToken);
        try
        {
            response.EnsureSuccess(connectionName, "search");
        }
        catch (CrmLookupException ex) when (ex.Kind == CrmFailureKind.RateLimited && ex.RetryAfter is null)
        {
            // Bullhorn documents 429 as "too many concurrent requests: wait 1 second and retry".
            throw new CrmLookupException(ex.Kind, ex.Message) { RetryAfter = BullhornRateLimitWait };
        }

        using var document = VendorJson.Parse(response.Body, connectionName, "search");
        return VendorJson.FirstItem(document.RootElement, "data", connectionName, "search") is { } record
            ? VendorJson.FieldOutcome(record, field)
            : LookupOutcome.NotFound;
    }

}

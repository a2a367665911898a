using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace AriCrmRouter.Crm.Connectors.Vtiger;

/// <summary>
/// Vtiger CRM webservices (<c>/webservice.php</c>): <c>getchallenge</c> + <c>login</c> with
/// md5(token + access key), then a VTQL <c>query</c>. Errors come with HTTP 200 and <c>success:false</c>.
/// </summary>
internal sealed class VtigerConnector(VendorClient crm, ILogger<VtigerConnector> logger) : CrmConnector<VtigerSettings>(crm, logger)
{
    private static readonly Dictionary<string, string[]> PhoneFieldsByModule = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Contacts"] = ["phone", "mobile", "homephone", "otherphone"],
        ["Leads"] = ["phone", "mobile"],
        ["Accounts"] = ["phone", "otherphone"],
    };

    private static readonly HashSet<string> LoginRefusals = new(StringComparer.Ordinal)
    {
        "INVALID_USER_CREDENTIALS", "INVALID_AUTH_TOKEN", "AUTHENTICATION_REQUIRED", "INVALIDUSER", "INVALID_USERNAME_OR_PASSWORD",
    };

    private readonly CredentialCache<VtigerSession> _sessions = new(crm.Time);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, VtigerSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var module = ApiNames.Require(request.Module, "module", connection.Name);
        var field = ApiNames.Require(request.Field, "field", connection.Name);
        var query = request.ByKey
            ? Query(module, field, [ApiNames.Require(request.KeyField, "key field", connection.Name)], [request.Dtmf!])
            : Query(module, field, PhoneFields(settings, module, connection.Name), Crm.CallerForms(connection, request).All);
        if (query is null)
        {
            return LookupOutcome.NotFound;
        }

        Events.Searching(connection.Name, module, request.ByKey ? "key" : "phone");
        var outcome = await _sessions.UseAsync(
            CredentialKey.For(connection),
            ct => LoginAsync(settings, connection.Name, ct),
            (session, ct) => QueryAsync(settings, session, connection.Name, field, query, ct),
            cancellationToken);
        return Events.Answered(connection.Name, module, outcome);
    }

    /// <summary>
    /// <c>SELECT id,{field} FROM {Module} WHERE phone='..' OR mobile='..' LIMIT 1;</c>. VTQL has no
    /// parentheses in the original syntax and reads conditions left to right, so the clause is a flat
    /// OR chain; values are quoted literals (VTQL's lexer reads <c>'(?:[^']|'')+'</c>, so quotes are doubled
    /// and empty literals are left out).
    /// </summary>
    internal static string? Query(string module, string field, IReadOnlyList<string> keyFields, IReadOnlyList<string> values)
    {
        var literals = values.Select(SqlStringLiteral.Quote).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (literals.Count == 0)
        {
            return null;
        }

        var conditions = keyFields.SelectMany(key => literals.Select(literal => $"{key}={literal}"));
        var select = string.Equals(field, "id", StringComparison.OrdinalIgnoreCase) ? "id" : $"id,{field}";
        return $"SELECT {select} FROM {module} WHERE {string.Join(" OR ", conditions)} LIMIT 1;";
    }

    private static IReadOnlyList<string> PhoneFields(VtigerSettings settings, string module, string connectionName)
    {
        if (settings.PhoneFields is { } configured)
        {
            return ApiNames.RequireList(configured, "phone field", connectionName);
        }

        return PhoneFieldsByModule.TryGetValue(module, out var fields)
            ? fields
            : throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': module '{module}' has no known phone fields; set '{VtigerSettings.PhoneFieldsKey}'");
    }

    private async Task<VtigerSession> LoginAsync(VtigerSettings settings, string connectionName, CancellationToken cancellationToken)
    {
        Events.RequestingCredential(connectionName, "getchallenge and login", settings.WebService);
        using var challenge = new HttpRequestMessage(HttpMethod.Get, new Uri($"{settings.WebService}?operation=getchallenge&username={Uri.EscapeDataString(settings.UserName)}"));
        var token = await CallAsync(challenge, connectionName, "getchallenge", authenticating: true, result => StringProperty(result, "token"), cancellationToken);

        using var login = new HttpRequestMessage(HttpMethod.Post, settings.WebService)
        {
            Content = new FormUrlEncodedContent(
            [
                new("operation", "login"),
                new("username", settings.UserName),
                new("accessKey", Md5Hex(token + settings.AccessKey)),
            ]),
        };
        var sessionName = await CallAsync(login, connectionName, "login", authenticating: true, result => StringProperty(result, "sessionName"), cancellationToken);
        return new VtigerSession(sessionName, Crm.Time.GetUtcNow() + settings.SessionLifetime);
    }

    private async Task<LookupOutcome> QueryAsync(VtigerSettings settings, VtigerSession session, string connectionName, string field, string query, CancellationToken cancellationToken)
    {
        // Vtiger only accepts the query operation as GET, so the session name has to be in the URL; the
        // URL is never logged or put into an exception message.
        var uri = new Uri($"{settings.WebService}?operation=query&sessionName={Uri.EscapeDataString(session.SessionName)}&query={Uri.EscapeDataString(query)}");
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        return await CallAsync(message, connectionName, "query", authenticating: false, result => ReadRow(result, field), cancellationToken);
    }

    private static string? StringProperty(JsonElement result, string name) =>
        VendorJson.TryGetProperty(result, name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static LookupOutcome? ReadRow(JsonElement result, string field)
    {
        if (result.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return result.GetArrayLength() == 0 ? LookupOutcome.NotFound : VendorJson.FieldOutcome(result[0], field);
    }

    private async Task<T> CallAsync<T>(HttpRequestMessage message, string connectionName, string step, bool authenticating, Func<JsonElement, T?> read, CancellationToken cancellationToken)
        where T : class
    {
        var response = await Crm.SendAsync(message, connectionName, step, cancellationToken);
        response.EnsureSuccess(connectionName, step, authenticating);
        using var document = VendorJson.Parse(response.Body, connectionName, step);
        var root = document.RootElement;
        if (!VendorJson.TryGetProperty(root, "success", out var success) || success.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw VendorJson.Malformed(connectionName, step, "the answer has no 'success' flag");
        }

        if (success.ValueKind == JsonValueKind.False)
        {
            var code = VendorJson.TryGetProperty(root, "error", out var error) && VendorJson.TryGetProperty(error, "code", out var codeElement)
                ? codeElement.ToString()
                : "UNKNOWN";
            throw Failure(connectionName, step, authenticating, code);
        }

        return VendorJson.TryGetProperty(root, "result", out var result) && read(result) is { } value
            ? value
            : throw VendorJson.Malformed(connectionName, step, "the answer has no usable 'result'");
    }

    private Exception Failure(string connectionName, string step, bool authenticating, string code)
    {
        if (code == "INVALID_SESSIONID" && !authenticating)
        {
            return Events.CredentialRejected(connectionName, $"{step}: {code}");
        }

        if (authenticating && LoginRefusals.Contains(code))
        {
            return new CrmLookupException(CrmFailureKind.Unauthorized, $"connection '{connectionName}': {step}: Vtiger answered {code}");
        }

        if (code.Contains("LIMIT", StringComparison.Ordinal))
        {
            return new CrmLookupException(CrmFailureKind.RateLimited, $"connection '{connectionName}': {step}: Vtiger answered {code}");
        }

        return new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': {step}: Vtiger answered {code}");
    }

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "Vtiger's login protocol requires md5(challenge token + access key).")]
    private static string Md5Hex(string value) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(value)));
}

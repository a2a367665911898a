using System.Net.Http.Json;

namespace AriCrmRouter.Crm.Connectors.SugarCrm;

/// <summary>
/// SugarCRM REST v11 (<c>/rest/v11_X</c>): OAuth2 password grant with a registered platform, the
/// <c>OAuth-Token</c> header, and <c>POST /{Module}/filter</c> with an <c>$or</c> over the module's phone
/// fields (or <c>$equals</c> on the key field for DTMF lookups).
/// </summary>
internal sealed class SugarCrmConnector(VendorClient crm, ILogger<SugarCrmConnector> logger, IRefreshTokenStore? refreshTokenStore = null)
    : CrmConnector<SugarCrmSettings>(crm, logger)
{
    private static readonly Dictionary<string, string[]> PhoneFieldsByModule = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Accounts"] = ["phone_office", "phone_alternate"],
        ["Contacts"] = ["phone_work", "phone_mobile", "phone_home", "phone_other"],
        ["Leads"] = ["phone_work", "phone_mobile", "phone_home", "phone_other"],
    };

    private readonly CredentialCache<SugarCrmToken> _tokens = new(crm.Time);
    private readonly RotatedRefreshTokens _refreshTokens = new(refreshTokenStore, logger);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, SugarCrmSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var module = ApiNames.Require(request.Module, "module", connection.Name);
        var field = ApiNames.Require(request.Field, "field", connection.Name);
        var body = request.ByKey
            ? FilterBody([ApiNames.Require(request.KeyField, "key field", connection.Name)], [request.Dtmf!], field)
            : FilterBody(PhoneFields(settings, module, connection.Name), PhoneForms(connection, request), field);
        Events.Searching(connection.Name, module, request.ByKey ? "key" : "phone");

        var credentialKey = CredentialKey.For(connection);
        var outcome = await _tokens.UseAsync(
            credentialKey,
            ct => AcquireAsync(connection, settings, ct),
            (token, ct) => FilterAsync(connection.Name, settings, token, module, field, body, ct),
            cancellationToken);
        return Events.Answered(connection.Name, module, outcome);
    }

    private IReadOnlyList<string> PhoneForms(CrmConnection connection, CrmLookupRequest request) =>
        Crm.CallerForms(connection, request).All;

    private static IReadOnlyList<string> PhoneFields(SugarCrmSettings settings, string module, string connectionName) =>
        PhoneFieldNames.Resolve(settings.PhoneFields, PhoneFieldsByModule, module, SugarCrmSettings.PhoneFieldsKey.Name, connectionName);

    /// <summary>The filter JSON, written by the JSON writer so that values are escaped by JSON's rules.</summary>
    private static byte[] FilterBody(IReadOnlyList<string> fields, IReadOnlyList<string> values, string selectField)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("filter");
            json.WriteStartObject();
            json.WriteStartArray("$or");
            foreach (var field in fields)
            {
                foreach (var value in values)
                {
                    json.WriteStartObject();
                    json.WriteStartObject(field);
                    json.WriteString("$equals", value);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("fields", $"id,{selectField}");
            json.WriteNumber("max_num", 1);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async Task<LookupOutcome> FilterAsync(
        string connectionName, SugarCrmSettings settings, SugarCrmToken token, string module, string field, byte[] body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBase, $"{module}/filter"))
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add("OAuth-Token", token.AccessToken);
        var response = await Crm.SendAsync(message, connectionName, "filter", cancellationToken);
        response.EnsureSuccess(connectionName, "filter");

        using var document = VendorJson.Parse(response.Body, connectionName, "filter");
        return VendorJson.FirstItem(document.RootElement, "records", connectionName, "filter") is { } record
            ? VendorJson.FieldOutcome(record, field)
            : LookupOutcome.NotFound;
    }

    private async Task<SugarCrmToken> AcquireAsync(CrmConnection connection, SugarCrmSettings settings, CancellationToken cancellationToken)
    {
        var refreshToken = await _refreshTokens.NewestAsync(connection, cancellationToken);
        if (refreshToken is not null)
        {
            try
            {
                var grant = new SugarGrant("refresh_token", settings.ClientId, settings.ClientSecret, settings.Platform, RefreshToken: refreshToken);
                return await RequestTokenAsync(connection, refreshToken, settings, grant, cancellationToken);
            }
            catch (CrmLookupException ex) when (ex.Kind == CrmFailureKind.Unauthorized)
            {
                _refreshTokens.Forget(connection);
                Events.RefreshTokenRefused(connection.Name);
            }
        }

        var password = new SugarGrant("password", settings.ClientId, settings.ClientSecret, settings.Platform, settings.UserName, settings.Password);
        return await RequestTokenAsync(connection, refreshToken, settings, password, cancellationToken);
    }

    /// <summary><paramref name="replaced"/>: the refresh token read before this request (spent or refused), which the new one replaces.</summary>
    private async Task<SugarCrmToken> RequestTokenAsync(CrmConnection connection, string? replaced, SugarCrmSettings settings, SugarGrant grant, CancellationToken cancellationToken)
    {
        var connectionName = connection.Name;
        var tokenUrl = new Uri(settings.ApiBase, "oauth2/token");
        Events.RequestingCredential(connectionName, grant.GrantType, tokenUrl);
        using var message = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = JsonContent.Create(grant, SugarCrmJsonContext.Default.SugarGrant) };
        var response = await Crm.SendAsync(message, connectionName, "login", cancellationToken);
        response.EnsureSuccess(connectionName, "login", authenticating: true);
        var answer = response.Deserialize(CrmJsonContext.Default.OAuthTokenAnswer, connectionName, "login");
        if (string.IsNullOrEmpty(answer.AccessToken))
        {
            throw VendorJson.Malformed(connectionName, "login", "the token answer has no access_token");
        }

        if (!string.IsNullOrEmpty(answer.RefreshToken))
        {
            await _refreshTokens.KeepAsync(connection, replaced, answer.RefreshToken);
        }

        DateTimeOffset? expiresAt = answer.ExpiresIn is > 0 ? Crm.Time.GetUtcNow().AddSeconds(answer.ExpiresIn.Value) : null;
        return new SugarCrmToken(answer.AccessToken, answer.RefreshToken, expiresAt);
    }
}

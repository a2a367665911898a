using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AriCrmRouter.Crm.Auth;
using AriCrmRouter.Crm.Connectors.Shared;
using AriCrmRouter.Crm.Http;
using AriCrmRouter.Routing.Evaluation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>
/// Pipedrive API v2: API token (<c>x-api-token</c> header) or OAuth, persons found with the search API
/// (phone, or a custom field for DTMF keys), then the record read by id because search results carry no
/// custom fields; field names are mapped to their keys with the personFields/organizationFields definitions.
/// </summary>
internal sealed class PipedriveConnector(
    IHttpClientFactory httpClientFactory,
    IOptions<CrmOptions> options,
    TimeProvider timeProvider,
    ILogger<PipedriveConnector> logger) : SettingsConnector<PipedriveSettings>(options)
{
    private static readonly TimeSpan FieldDefinitionsLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);
    private const int MaxFieldPages = 10;

    /// <summary>
    /// How many trailing digits a phone search asks for: four are contiguous in nearly every way a number is
    /// written (<c>555-0100</c>, <c>7946 0018</c>), where longer suffixes are split by separators.
    /// </summary>
    internal const int PhoneSuffixDigits = 4;

    /// <summary>How many persons sharing those digits are checked (Pipedrive's page limit is 500).</summary>
    internal const int PhoneCandidates = 100;

    private readonly CredentialCache<AccessToken> _tokens = new(timeProvider);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, IReadOnlyList<PipedriveField> Fields)> _fieldDefinitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _rotatedRefreshTokens = new(StringComparer.Ordinal);

    public override string Kind => "pipedrive";

    protected override PipedriveSettings ReadSettings(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems) =>
        PipedriveSettings.Read(connection, serviceRegion, out problems);

    protected override async Task<LookupOutcome> LookupAsync(CrmConnection connection, PipedriveSettings settings, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var module = request.Module.Trim().ToLowerInvariant() switch
        {
            "persons" or "person" => "persons",
            "organizations" or "organization" => "organizations",
            _ => throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connection.Name}': module '{request.Module}' is not supported (use persons or organizations)"),
        };
        request = request with { Module = module };

        var http = httpClientFactory.CreateClient(CrmHttp.ClientName);
        return await _tokens.UseAsync(
            CredentialKey.For(connection),
            ct => AcquireTokenAsync(http, connection, settings, ct),
            (token, ct) => LookupWithTokenAsync(new Session(http, connection, settings, token), request, ct),
            cancellationToken);
    }

    private async Task<LookupOutcome> LookupWithTokenAsync(Session session, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var fields = await FieldsAsync(session, request.Module, reload: false, cancellationToken);
        if (Find(fields, request.Field) is null || (request.ByKey && Find(fields, request.KeyField!) is null))
        {
            // A field created or renamed since the definitions were cached: read them again once.
            fields = await FieldsAsync(session, request.Module, reload: true, cancellationToken);
        }

        var field = Find(fields, request.Field) ?? throw UnknownField(session.Connection, "field", request.Field);
        var keyField = request.ByKey ? Find(fields, request.KeyField!) ?? throw UnknownField(session.Connection, "key field", request.KeyField!) : null;
        Log.Searching(logger, session.Connection.Name, request.Module, request.ByKey ? "key field" : "phone");
        var id = request.ByKey
            ? await FindIdAsync(session, request.Module, SearchableAs(keyField!, session.Connection), request.Dtmf!, null, cancellationToken)
            : await FindByPhoneAsync(session, request, cancellationToken);
        if (id is null)
        {
            return NotFound(session.Connection, request);
        }

        var customCodes = new[] { field, keyField }.Where(f => f is { IsCustom: true }).Select(f => f!.Code).Distinct(StringComparer.Ordinal).ToList();
        var query = customCodes.Count > 0 ? "?custom_fields=" + Uri.EscapeDataString(string.Join(',', customCodes)) : "";
        using var record = await GetAsync(session, $"api/v2/{request.Module}/{Uri.EscapeDataString(id)}{query}", "record read", notFoundIsNull: true, cancellationToken);
        if (record is null || !record.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return NotFound(session.Connection, request);
        }

        // Search matches words; only a record whose key field equals the digits is the caller's.
        if (keyField is not null && !string.Equals(Value(data, keyField), request.Dtmf, StringComparison.OrdinalIgnoreCase))
        {
            return NotFound(session.Connection, request);
        }

        return Value(data, field) is { } text ? LookupOutcome.Found(text) : NotFound(session.Connection, request);
    }

    /// <summary>
    /// Persons by phone; for organizations, the organization of the person who owns the number. Pipedrive keeps
    /// numbers as typed and <c>exact_match</c> compares the whole text, so the search asks for the last
    /// <see cref="PhoneSuffixDigits"/> digits without <c>exact_match</c> (a partial match) and keeps the first
    /// returned person whose stored number is the caller's (<see cref="Phone.PhoneNumberForms.IsSameNumber"/>).
    /// A caller ID with fewer digits than that is searched exactly as received.
    /// </summary>
    private async Task<string?> FindByPhoneAsync(Session session, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        var forms = ConnectionSettingsReader.Phone(request, session.Settings.Region);
        var related = request.Module == "organizations" ? "organization" : null;
        var digits = forms.NationalDigits ?? forms.Digits;
        if (digits.Length < PhoneSuffixDigits)
        {
            return forms.Raw.Length == 0 ? null : await FindIdAsync(session, "persons", "phone", forms.Raw, related, cancellationToken);
        }

        var suffix = digits[^PhoneSuffixDigits..];
        var path = $"api/v2/persons/search?term={suffix}&fields=phone&limit={PhoneCandidates}";
        using var json = await GetAsync(session, path, "search", notFoundIsNull: false, cancellationToken);
        foreach (var item in Items(json!.RootElement, session))
        {
            if (item.TryGetProperty("phones", out var phones) && phones.ValueKind == JsonValueKind.Array
                && phones.EnumerateArray().Any(p => p.ValueKind == JsonValueKind.String && forms.IsSameNumber(p.GetString())))
            {
                return IdOf(item, related);
            }
        }

        return null;
    }

    /// <summary>
    /// <c>GET /api/v2/{module}/search?term=..&amp;fields=..&amp;exact_match=true&amp;limit=1</c>; the id of the first
    /// item, or of its related object (<paramref name="related"/>, e.g. the person's organization).
    /// </summary>
    private async Task<string?> FindIdAsync(Session session, string module, string searchField, string term, string? related, CancellationToken cancellationToken)
    {
        var path = $"api/v2/{module}/search?term={Uri.EscapeDataString(term)}&fields={searchField}&exact_match=true&limit=1";
        using var json = await GetAsync(session, path, "search", notFoundIsNull: false, cancellationToken);
        return Items(json!.RootElement, session).Select(item => IdOf(item, related)).FirstOrDefault(id => id is not null);
    }

    /// <summary>The <c>item</c> of each search result; an answer without <c>data.items</c> is malformed.</summary>
    private static List<JsonElement> Items(JsonElement root, Session session)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{session.Connection.Name}': the Pipedrive search answer has no items");
        }

        return [.. items.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("item", out var item) && item.ValueKind == JsonValueKind.Object).Select(e => e.GetProperty("item"))];
    }

    /// <summary>The item's id, or the id of its related object (<paramref name="related"/>, e.g. the person's organization).</summary>
    private static string? IdOf(JsonElement item, string? related)
    {
        if (related is not null && (!item.TryGetProperty(related, out item) || item.ValueKind != JsonValueKind.Object))
        {
            return null;
        }

        return item.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? (id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString())
            : null;
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

    private static PipedriveField? Find(IReadOnlyList<PipedriveField> fields, string apiName) =>
        fields.FirstOrDefault(f => string.Equals(f.Code, apiName, StringComparison.Ordinal))
        ?? fields.FirstOrDefault(f => f.Matches(apiName));

    private static CrmLookupException UnknownField(CrmConnection connection, string role, string apiName) =>
        new(CrmFailureKind.Configuration, $"connection '{connection.Name}': Pipedrive has no {role} named '{apiName}'");

    /// <summary>The module's field definitions, cached for a few minutes: each read costs Pipedrive API tokens.</summary>
    private async Task<IReadOnlyList<PipedriveField>> FieldsAsync(Session session, string module, bool reload, CancellationToken cancellationToken)
    {
        var key = CredentialKey.For(session.Connection) + "\n" + module;
        if (!reload && _fieldDefinitions.TryGetValue(key, out var cached) && cached.Until > timeProvider.GetUtcNow())
        {
            return cached.Fields;
        }

        Log.ReadingFields(logger, session.Connection.Name, module);
        var resource = module == "persons" ? "personFields" : "organizationFields";
        var fields = new List<PipedriveField>();
        string? cursor = null;
        for (var page = 0; page < MaxFieldPages; page++)
        {
            var path = $"api/v2/{resource}?limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var json = await GetAsync(session, path, "field definitions", notFoundIsNull: false, cancellationToken);
            if (!json!.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{session.Connection.Name}': the Pipedrive field definitions have no data");
            }

            fields.AddRange(data.EnumerateArray().Select(PipedriveField.From).OfType<PipedriveField>());
            cursor = json.RootElement.TryGetProperty("additional_data", out var more) && more.ValueKind == JsonValueKind.Object
                && more.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String
                ? next.GetString()
                : null;
            if (cursor is null)
            {
                break;
            }
        }

        _fieldDefinitions[key] = (timeProvider.GetUtcNow() + FieldDefinitionsLifetime, fields);
        return fields;
    }

    private async Task<JsonDocument?> GetAsync(Session session, string pathAndQuery, string step, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        var apiBase = session.Token.ApiBase ?? session.Settings.BaseUrl;
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(apiBase, pathAndQuery));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (session.Settings.ApiToken is not null)
        {
            message.Headers.Add("x-api-token", session.Token.Value);
        }
        else
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token.Value);
        }

        var answer = await VendorHttp.SendAsync(session.Http, message, Options.MaxResponseBytes, timeProvider, session.Connection.Name, step, cancellationToken);
        if (answer.Status == HttpStatusCode.Unauthorized)
        {
            Log.CredentialRejected(logger, session.Connection.Name);
            throw new CredentialRejectedException($"connection '{session.Connection.Name}': Pipedrive rejected the credential");
        }

        if (answer.Status == HttpStatusCode.NotFound && notFoundIsNull)
        {
            return null;
        }

        if (!answer.IsSuccess)
        {
            var failure = VendorHttp.Failure(answer, timeProvider, session.Connection.Name, step);
            if (failure.Kind == CrmFailureKind.RateLimited && failure.RetryAfter is null)
            {
                // Pipedrive documents x-ratelimit-reset as the seconds until the window resets.
                failure = new CrmLookupException(failure.Kind, failure.Message) { RetryAfter = RateLimitWait.FromSecondsHeader(answer.Header("x-ratelimit-reset")) };
            }

            if (failure.Kind == CrmFailureKind.RateLimited)
            {
                Log.RateLimited(logger, session.Connection.Name, failure.RetryAfter);
            }

            throw failure;
        }

        return answer.Json(session.Connection.Name, step);
    }

    private async Task<AccessToken> AcquireTokenAsync(HttpClient http, CrmConnection connection, PipedriveSettings settings, CancellationToken cancellationToken)
    {
        if (settings.ApiToken is { } apiToken)
        {
            return new AccessToken(apiToken, null);
        }

        Log.RefreshingToken(logger, connection.Name);
        var refreshToken = _rotatedRefreshTokens.GetValueOrDefault(CredentialKey.For(connection)) ?? settings.RefreshToken;
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken };
        var clientAuth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        var answer = await OAuthTokenEndpoint.PostAsync(http, settings.TokenUrl, form, clientAuth, Options.MaxResponseBytes, timeProvider, connection.Name, cancellationToken);
        var token = answer.Deserialize(PipedriveJsonContext.Default.PipedriveTokenAnswer, connection.Name, OAuthTokenEndpoint.Step);
        if (string.IsNullOrEmpty(token.AccessToken))
        {
            throw OAuthTokenEndpoint.Refused(answer, connection.Name);
        }

        if (!string.IsNullOrEmpty(token.RefreshToken))
        {
            _rotatedRefreshTokens[CredentialKey.For(connection)] = token.RefreshToken;
        }

        var apiBase = token.ApiDomain is { Length: > 0 } domain ? CrmUrls.Parse(domain, "api_domain (token answer)", connection.Name) : settings.BaseUrl;
        var lifetime = token.ExpiresIn is > 0 ? TimeSpan.FromSeconds(token.ExpiresIn.Value) : DefaultTokenLifetime;
        Log.TokenObtained(logger, connection.Name, apiBase.Host, lifetime);
        return new AccessToken(token.AccessToken, timeProvider.GetUtcNow() + lifetime, apiBase);
    }

    private LookupOutcome NotFound(CrmConnection connection, CrmLookupRequest request)
    {
        Log.NotFound(logger, connection.Name, request.Module, request.Field);
        return LookupOutcome.NotFound;
    }

    private sealed record Session(HttpClient Http, CrmConnection Connection, PipedriveSettings Settings, AccessToken Token)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Pipedrive session for {Connection.Name}");
    }
}

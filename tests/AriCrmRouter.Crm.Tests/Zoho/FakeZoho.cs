namespace AriCrmRouter.Crm.Tests.Zoho;

/// <summary>
/// A Zoho accounts server and CRM API on one local Kestrel server, answering with Zoho's documented shapes:
/// token answers with api_domain, 204 with an empty body when nothing matches, 401 INVALID_TOKEN, 429.
/// </summary>
internal sealed class FakeZoho : FakeVendor
{
    public const string ClientSecret = "zoho-client-secret-value";
    public const string RefreshToken = "1000.zoho-refresh-token-value";

    /// <summary>Records by module; each is the JSON object Zoho would return.</summary>
    public Dictionary<string, List<JsonObject>> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>Phone values stored on each record (what the <c>phone</c> search matches).</summary>
    public Dictionary<JsonObject, string[]> Phones { get; } = [];

    public long ExpiresIn { get; set; } = 3600;

    /// <summary>The token endpoint answers HTTP 200 {"error":"invalid_code"} (a revoked refresh token).</summary>
    public bool RefuseRefresh { get; set; }

    /// <summary>When set, the token endpoint answers this instead (throttling, outages).</summary>
    public Func<IResult>? TokenOverride { get; set; }

    public IEnumerable<RecordedRequest> Searches => Server.Requests.Where(r => r.Path.EndsWith("/search", StringComparison.Ordinal));

    public static Task<FakeZoho> StartAsync() => ServeAsync(new FakeZoho());

    /// <summary>A connection that refreshes its token at this fake's accounts server.</summary>
    public CrmConnection Connection(string name = "main") => ConnectorTestHost.Connection(
        "zoho", new() { ["accountsUrl"] = Url.ToString(), ["clientId"] = "1000.CLIENTID" }, new() { ["clientSecret"] = ClientSecret, ["refreshToken"] = RefreshToken }, name);

    public void Add(string module, string[] phones, JsonObject record)
    {
        if (!Records.TryGetValue(module, out var list))
        {
            Records[module] = list = [];
        }

        list.Add(record);
        Phones[record] = phones;
    }

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/oauth/v2/token", Token);
        app.MapGet("/crm/v8/{module}/search", (string module, HttpRequest request) => Lookup(
            HonoursAuthorization(request, "Zoho-oauthtoken "),
            Results.Json(new { code = "INVALID_TOKEN", details = new { }, message = "invalid oauth token", status = "error" }, statusCode: 401),
            () => Search(module, request)));
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        if (TokenOverride is { } overridden)
        {
            return overridden();
        }

        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "refresh_token" || form["client_id"] != "1000.CLIENTID" || form["client_secret"] != ClientSecret || form["refresh_token"] != RefreshToken || RefuseRefresh)
        {
            return Results.Json(new { error = "invalid_code" });
        }

        return Results.Json(new
        {
            access_token = IssueToken("1000.access-"),
            api_domain = Authority,
            token_type = "Bearer",
            expires_in = ExpiresIn,
        });
    }

    private IResult Search(string module, HttpRequest request)
    {
        var records = Records.TryGetValue(module, out var list) ? list : [];
        var fields = request.Query["fields"].ToString().Split(',');
        JsonObject? match = null;
        if (request.Query.TryGetValue("phone", out var phone))
        {
            // The phone parameter is plain text: Zoho documents backslash escaping for criteria only.
            match = records.FirstOrDefault(r => Phones[r].Contains(phone.ToString(), StringComparer.Ordinal));
        }
        else if (request.Query.TryGetValue("criteria", out var criteria))
        {
            var text = criteria.ToString();
            var inner = text[1..^1];
            var parts = inner.Split(':', 3);
            var value = Unescape(parts[2]);
            match = records.FirstOrDefault(r => r[parts[0]]?.ToString() == value);
        }

        if (match is null)
        {
            return Results.NoContent();
        }

        var answerRecord = new JsonObject { ["id"] = match["id"]?.DeepClone() };
        foreach (var field in fields)
        {
            answerRecord[field] = match[field]?.DeepClone();
        }

        return Results.Json(new JsonObject
        {
            ["data"] = new JsonArray(answerRecord),
            ["info"] = new JsonObject { ["per_page"] = 1, ["count"] = 1, ["page"] = 1, ["more_records"] = false },
        });
    }
}

namespace AriCrmRouter.Crm.Tests.SugarCrm;

/// <summary>
/// A SugarCRM REST v11 instance on 127.0.0.1: <c>/rest/v11_24/oauth2/token</c> (password and refresh_token
/// grants, 401 need_login), <c>/rest/v11_24/{module}/filter</c> with the OAuth-Token header, answering
/// <c>{"next_offset":-1,"records":[...]}</c> and 401 invalid_grant for unknown tokens.
/// </summary>
internal sealed class SugarCrmFake : FakeVendor
{
    public const string User = "router";
    public const string Password = "s3cret-pass";
    public const string Platform = "crmrouter";

    private readonly IssuedTokens _refreshTokens = new();

    public List<Dictionary<string, object?>> Records { get; } = [];

    public IEnumerable<RecordedRequest> TokenRequests => Server.Requests.Where(r => r.Path.EndsWith("/oauth2/token", StringComparison.Ordinal));

    public static Task<SugarCrmFake> StartAsync() => ServeAsync(new SugarCrmFake());

    /// <summary>A connection that logs in with the password grant.</summary>
    public CrmConnection Connection(string name = "main") => ConnectorTestHost.Connection(
        "sugarcrm", new() { ["url"] = Url.ToString(), ["apiVersion"] = "v11_24", ["username"] = User, ["platform"] = Platform }, new() { ["password"] = Password }, name);

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/rest/v11_24/oauth2/token", TokenAsync);
        app.MapPost("/rest/v11_24/{module}/filter", (HttpContext context, string module) => WriteLookupAsync(
            context,
            Honours(context.Request.Headers["OAuth-Token"].ToString()),
            Results.Json(new { error = "invalid_grant", error_message = "The access token provided is invalid." }, statusCode: 401),
            () => FilterAsync(context, module)));
    }

    private async Task TokenAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var accepted = (string?)body?["grant_type"] switch
        {
            "password" => (string?)body!["username"] == User && (string?)body["password"] == Password && (string?)body["platform"] == Platform,
            "refresh_token" => _refreshTokens.Spend((string?)body!["refresh_token"] ?? ""),
            _ => false,
        };
        if (!accepted)
        {
            await AnswerAsync(context, 401, new { error = "need_login", error_message = "You must specify a valid username and password." });
            return;
        }

        var access = IssueToken("access-");
        var refresh = "refresh-" + access["access-".Length..];
        _refreshTokens.Add(refresh);
        await context.Response.WriteAsJsonAsync(new
        {
            access_token = access,
            expires_in = 3600,
            token_type = "bearer",
            scope = (string?)null,
            refresh_token = refresh,
            refresh_expires_in = 1209600,
            download_token = "download",
        });
    }

    private async Task FilterAsync(HttpContext context, string module)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var clauses = body!["filter"]![0]!["$or"]!.AsArray();
        var fields = ((string)body["fields"]!).Split(',');
        var match = Records.FirstOrDefault(record => clauses.Any(clause =>
        {
            var (field, condition) = clause!.AsObject().Single();
            return record.TryGetValue(field, out var value) && value?.ToString() == (string?)condition!["$equals"];
        }));
        var records = new JsonArray();
        if (match is not null)
        {
            var record = new JsonObject { ["_module"] = module };
            foreach (var field in fields)
            {
                record[field] = match.TryGetValue(field, out var value) ? JsonSerializer.SerializeToNode(value) : null;
            }

            records.Add(record);
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["next_offset"] = -1, ["records"] = records });
    }
}

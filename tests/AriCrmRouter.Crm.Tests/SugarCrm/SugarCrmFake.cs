using Microsoft.AspNetCore.Routing;

namespace AriCrmRouter.Crm.Tests.SugarCrm;

/// <summary>
/// A SugarCRM REST v11 instance on 127.0.0.1: <c>/rest/v11_24/oauth2/token</c> (password and refresh_token
/// grants, 401 need_login), <c>/rest/v11_24/{module}/filter</c> with the OAuth-Token header, answering
/// <c>{"next_offset":-1,"records":[...]}</c> and 401 invalid_grant for unknown tokens.
/// </summary>
internal sealed class SugarCrmFake : IAsyncDisposable
{
    public const string User = "router";
    public const string Password = "s3cret-pass";
    public const string Platform = "crmrouter";

    private readonly Lock _gate = new();
    private readonly HashSet<string> _accessTokens = [];
    private readonly HashSet<string> _refreshTokens = [];
    private int _issued;

    private SugarCrmFake(FakeHttpServer server) => Server = server;

    public FakeHttpServer Server { get; private set; }

    public List<Dictionary<string, object?>> Records { get; } = [];

    /// <summary>When set, the filter endpoint answers this instead of searching.</summary>
    public Func<HttpContext, Task>? FilterOverride { get; set; }

    public bool RejectAllTokens { get; set; }

    public Uri Url => Server.BaseUri;

    public IEnumerable<RecordedRequest> TokenRequests => Server.Requests.Where(r => r.Path.EndsWith("/oauth2/token", StringComparison.Ordinal));

    public static async Task<SugarCrmFake> StartAsync()
    {
        SugarCrmFake? fake = null;
        var server = await FakeHttpServer.StartAsync(app => Map(app, () => fake!));
        fake = new SugarCrmFake(server);
        return fake;
    }

    public void RevokeAccessTokens()
    {
        lock (_gate)
        {
            _accessTokens.Clear();
        }
    }

    private static void Map(IEndpointRouteBuilder app, Func<SugarCrmFake> fake)
    {
        app.MapPost("/rest/v11_24/oauth2/token", (HttpContext context) => fake().TokenAsync(context));
        app.MapPost("/rest/v11_24/{module}/filter", (HttpContext context, string module) => fake().FilterAsync(context, module));
    }

    private async Task TokenAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var grant = (string?)body?["grant_type"];
        bool accepted;
        lock (_gate)
        {
            accepted = grant switch
            {
                "password" => (string?)body!["username"] == User && (string?)body["password"] == Password && (string?)body["platform"] == Platform,
                "refresh_token" => _refreshTokens.Remove((string?)body!["refresh_token"] ?? ""),
                _ => false,
            };
        }

        if (!accepted)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = "need_login", error_message = "You must specify a valid username and password." });
            return;
        }

        string access, refresh;
        lock (_gate)
        {
            _issued++;
            access = $"access-{_issued}";
            refresh = $"refresh-{_issued}";
            _accessTokens.Add(access);
            _refreshTokens.Add(refresh);
        }

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
        bool known;
        lock (_gate)
        {
            known = !RejectAllTokens && _accessTokens.Contains(context.Request.Headers["OAuth-Token"].ToString());
        }

        if (!known)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_grant", error_message = "The access token provided is invalid." });
            return;
        }

        if (FilterOverride is { } answer)
        {
            await answer(context);
            return;
        }

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

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

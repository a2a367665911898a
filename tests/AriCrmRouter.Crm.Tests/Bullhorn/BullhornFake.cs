using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Tests.Bullhorn;

/// <summary>
/// Bullhorn on 127.0.0.1: <c>/rest-services/loginInfo</c> answers 307 to the user's data centre
/// (<c>/west/...</c>); <c>/west/oauth/authorize</c> (action=Login) redirects to <c>/callback?code=...</c>;
/// <c>/west/oauth/token</c> (authorization_code, refresh_token; single-use codes and refresh tokens);
/// <c>/west/rest-services/login</c> gives BhRestToken and restUrl; <c>search/{Entity}</c> (Lucene) and
/// <c>query/{Entity}</c> (where) with the BhRestToken header; 401 invalidRestToken otherwise.
/// </summary>
internal sealed partial class BullhornFake : FakeVendor
{
    public const string User = "acme.api";
    public const string Password = "bh-Pa55word";
    public const string ClientId = "client-uuid";
    public const string ClientSecret = "client-secret-xyz";

    private readonly IssuedTokens _codes = new();
    private readonly IssuedTokens _refreshTokens = new();
    private readonly IssuedTokens _oauthTokens = new();

    public List<JsonObject> Records { get; } = [];

    public override Uri Url => new(Server.BaseUri, "rest-services");

    public IEnumerable<RecordedRequest> Requests(string pathEnd) => Server.Requests.Where(r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    public IEnumerable<RecordedRequest> Lookups => Server.Requests.Where(r => r.Path.Contains("/corp1/", StringComparison.Ordinal));

    public string LastCriteria(string parameter) => LastParameter(Lookups, parameter);

    public static Task<BullhornFake> StartAsync() => ServeAsync(new BullhornFake());

    /// <summary>A connection that logs in through the documented authorize form.</summary>
    public CrmConnection Connection(string name = "main") => ConnectorTestHost.Connection(
        "bullhorn", new() { ["url"] = Url.ToString(), ["username"] = User, ["clientId"] = ClientId }, new() { ["password"] = Password, ["clientSecret"] = ClientSecret }, name);

    /// <summary>The access tokens here are the BhRestTokens; the OAuth ones only open a REST session.</summary>
    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/rest-services/loginInfo", (HttpContext c) => Results.Redirect($"/west/rest-services/loginInfo{c.Request.QueryString}", permanent: false, preserveMethod: true));
        app.MapGet("/west/rest-services/loginInfo", LoginInfoAsync);
        app.Map("/west/oauth/authorize", AuthorizeAsync);
        app.MapPost("/west/oauth/token", TokenAsync);
        app.MapMethods("/west/rest-services/login", ["GET", "POST"], LoginAsync);
        app.MapGet("/west/rest-services/corp1/{kind}/{entity}", (HttpContext c, string kind) => WriteLookupAsync(
            c,
            Honours(c.Request.Headers["BhRestToken"].ToString()),
            Results.Json(new { errorMessage = "Bad 'BhRestToken' or timed-out.", errorMessageKey = "errors.authentication.invalidRestToken", errorCode = 401 }, statusCode: 401),
            () => FindAsync(c, kind)));
        app.MapGet("/callback", () => Results.Text("partner page"));
    }

    private Task LoginInfoAsync(HttpContext context)
    {
        var root = Server.BaseUri;
        return context.Response.WriteAsJsonAsync(new
        {
            atsUrl = new Uri(root, "west/ats").ToString(),
            billingSyncUrl = new Uri(root, "west/billingsync").ToString(),
            coreUrl = new Uri(root, "west/core").ToString(),
            oauthUrl = new Uri(root, "west/oauth").ToString(),
            restUrl = new Uri(root, "west/rest-services").ToString(),
            samlUrl = new Uri(root, "west/saml").ToString(),
        });
    }

    private async Task AuthorizeAsync(HttpContext context)
    {
        var values = context.Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)await context.Request.ReadFormAsync() : context.Request.Query;
        var p = values.ToDictionary(v => v.Key, v => v.Value.ToString());
        if (p.GetValueOrDefault("client_id") != ClientId || p.GetValueOrDefault("response_type") != "code" || p.GetValueOrDefault("action") != "Login"
            || p.GetValueOrDefault("username") != User || p.GetValueOrDefault("password") != Password)
        {
            await context.Response.WriteAsync("<html><body>Bullhorn login: invalid credentials</body></html>");
            return;
        }

        var code = IssueToken(_codes, "22:code/");
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = $"{Server.BaseUri}callback?code={Uri.EscapeDataString(code)}&client_id={ClientId}";
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var valid = form["client_id"] == ClientId && form["client_secret"] == ClientSecret && form["grant_type"].ToString() switch
        {
            "authorization_code" => _codes.Spend(form["code"].ToString()),
            "refresh_token" => _refreshTokens.Spend(form["refresh_token"].ToString()),
            _ => false,
        };
        if (!valid)
        {
            await AnswerAsync(context, 400, new { error = "invalid_grant", error_description = "Invalid, expired, or revoked authorization code." });
            return;
        }

        await context.Response.WriteAsJsonAsync(new { access_token = IssueToken(_oauthTokens, "at"), token_type = "Bearer", expires_in = 600, refresh_token = IssueToken(_refreshTokens, "rt") });
    }

    private async Task LoginAsync(HttpContext context)
    {
        if (context.Request.Query["version"] != "*" || !_oauthTokens.Contains(context.Request.Query["access_token"].ToString()))
        {
            await AnswerAsync(context, 401, new { errorMessage = "Invalid access token", errorMessageKey = "errors.authentication.invalidAccessToken", errorCode = 401 });
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["BhRestToken"] = IssueToken("bh"), ["restUrl"] = new Uri(Server.BaseUri, "west/rest-services/corp1/").ToString() });
    }

    private async Task FindAsync(HttpContext context, string kind)
    {
        var conditions = kind == "search" ? LuceneConditions(context.Request.Query["query"].ToString()) : WhereConditions(context.Request.Query["where"].ToString());
        var fields = context.Request.Query["fields"].ToString().Split(',');
        var data = new JsonArray();
        foreach (var record in Records.Where(r => conditions.Any(c => r[c.Item1]?.ToString() == c.Item2)).Take(1))
        {
            var row = new JsonObject();
            foreach (var field in fields)
            {
                row[field] = record[field]?.DeepClone();
            }

            if (kind == "search")
            {
                row["_score"] = 1.0;
            }

            data.Add(row);
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["total"] = data.Count, ["start"] = 0, ["count"] = data.Count, ["data"] = data });
    }

    /// <summary><c>field:"phrase"</c> and <c>field:("a" OR "b")</c> terms as (field, value) pairs.</summary>
    private static List<(string, string)> LuceneConditions(string query) =>
        [.. LuceneTerm().Matches(query).SelectMany(m => QuotedPhrases(m.Groups[2].Value).Select(phrase => (m.Groups[1].Value, phrase)))];

    /// <summary><c>field='a'</c> and <c>field IN ('a', 'b')</c> terms as (field, value) pairs.</summary>
    private static List<(string, string)> WhereConditions(string where) =>
        [.. WhereTerm().Matches(where).SelectMany(m => WhereLiteral().Matches(m.Groups[2].Value)
            .Select(l => (m.Groups[1].Value, l.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal))))];

    [GeneratedRegex("(\\w+):(\"(?:[^\"\\\\]|\\\\.)*\"|\\((?:\"(?:[^\"\\\\]|\\\\.)*\"(?: OR )?)+\\))")]
    private static partial Regex LuceneTerm();

    [GeneratedRegex("(\\w+)(?:=| IN )('(?:[^']|'')*'|\\((?:'(?:[^']|'')*'(?:, )?)+\\))")]
    private static partial Regex WhereTerm();

    [GeneratedRegex("'((?:[^']|'')*)'")]
    private static partial Regex WhereLiteral();
}

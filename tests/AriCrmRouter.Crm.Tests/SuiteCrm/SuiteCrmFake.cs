using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Tests.SuiteCrm;

/// <summary>
/// A SuiteCRM on 127.0.0.1 serving both APIs: 7.x <c>/service/v4_1/rest.php</c> (form with method,
/// input_type, response_type, rest_data; errors with HTTP 200 as <c>{"name","number","description"}</c>) and
/// the JSON:API under <c>/legacy/Api</c> and <c>/Api</c> (client_credentials token, Bearer, filters).
/// </summary>
internal sealed class SuiteCrmFake : FakeVendor
{
    public const string User = "router";
    public const string Password = "p@ss'word";
    public const string ClientId = "client-1";
    public const string ClientSecret = "client-secret-value";

    public List<Dictionary<string, string?>> Records { get; } = [];

    public IEnumerable<RecordedRequest> Logins => Server.Requests.Where(r => r.Body.StartsWith("method=login", StringComparison.Ordinal) || r.Path.EndsWith("/access_token", StringComparison.Ordinal));

    public IEnumerable<RecordedRequest> Lookups => Server.Requests.Where(IsLookup);

    /// <summary>A record lookup of either API (not a login or a token request).</summary>
    public static bool IsLookup(RecordedRequest request) =>
        request.Body.StartsWith("method=get_entry_list", StringComparison.Ordinal) || request.Path.Contains("/V8/module/", StringComparison.Ordinal);

    public static Task<SuiteCrmFake> StartAsync() => ServeAsync(new SuiteCrmFake());

    /// <summary>A connection to SuiteCRM 8's JSON:API (client credentials) or to SuiteCRM 7's v4_1 API (password).</summary>
    public CrmConnection Connection(bool jsonApi, string name = "main") => jsonApi
        ? ConnectorTestHost.Connection("suitecrm", new() { ["url"] = Url.ToString(), ["api"] = "v8", ["clientId"] = ClientId }, new() { ["clientSecret"] = ClientSecret }, name)
        : ConnectorTestHost.Connection("suitecrm", new() { ["url"] = Url.ToString(), ["api"] = "v4_1", ["username"] = User }, new() { ["password"] = Password }, name);

    /// <summary>The <c>query</c> argument of the last get_entry_list call.</summary>
    public string LastLegacyQuery()
    {
        var form = QueryHelpersParse(Lookups.Last().Body);
        return (string)JsonNode.Parse(form["rest_data"])!["query"]!;
    }

    private static Dictionary<string, string> QueryHelpersParse(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/service/v4_1/rest.php", LegacyAsync);
        foreach (var prefix in new[] { "/legacy", "" })
        {
            app.MapPost(prefix + "/Api/access_token", TokenAsync);
            app.MapGet(prefix + "/Api/V8/module/{module}", (HttpContext context, string module) => WriteLookupAsync(
                context,
                HonoursAuthorization(context.Request),
                Results.Json(new { error = "access_denied", message = "The resource owner or authorization server denied the request." }, statusCode: 401),
                () => ModuleAsync(context, module)));
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "SuiteCRM 7 login takes the md5 of the password.")]
    private async Task LegacyAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var args = JsonNode.Parse(form["rest_data"].ToString())!;
        if (form["method"] == "login")
        {
            var expected = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(Password)));
            if ((string?)args["user_auth"]!["user_name"] == User && (string?)args["user_auth"]!["password"] == expected)
            {
                await context.Response.WriteAsJsonAsync(new { id = IssueToken("session-"), module_name = "Users", name_value_list = new { } });
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new { name = "Invalid Login", number = 10, description = "Login attempt failed please check the username and password" });
            }

            return;
        }

        await WriteLookupAsync(
            context,
            Honours((string?)args["session"] ?? ""),
            Results.Json(new { name = "Invalid Session ID", number = 11, description = "The session ID is invalid" }),
            () => LegacyLookupAsync(context, args));
    }

    private async Task LegacyLookupAsync(HttpContext context, JsonNode args)
    {
        var query = (string)args["query"]!;
        var select = args["select_fields"]!.AsArray().Select(f => (string)f!).ToList();
        var match = Records.FirstOrDefault(record => record.Any(pair =>
            !string.IsNullOrEmpty(pair.Value)
            && Regex.IsMatch(query, $@"\.{pair.Key} (= '{Regex.Escape(pair.Value)}'|IN \(.*'{Regex.Escape(pair.Value)}')", RegexOptions.None, TimeSpan.FromSeconds(1))));
        var entries = new JsonArray();
        if (match is not null)
        {
            var values = new JsonObject();
            foreach (var field in select)
            {
                values[field] = new JsonObject { ["name"] = field, ["value"] = match.GetValueOrDefault(field) ?? "" };
            }

            entries.Add(new JsonObject { ["id"] = match["id"], ["module_name"] = (string?)args["module_name"], ["name_value_list"] = values });
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["result_count"] = entries.Count,
            ["total_count"] = entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["next_offset"] = entries.Count,
            ["entry_list"] = entries,
            ["relationship_list"] = new JsonArray(),
        });
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            await AnswerAsync(context, 401, new { error = "invalid_client", error_description = "Client authentication failed", message = "Client authentication failed" });
            return;
        }

        await context.Response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = 3600, access_token = IssueToken("jwt-") });
    }

    private async Task ModuleAsync(HttpContext context, string module)
    {
        var filters = context.Request.Query
            .Where(q => q.Key.StartsWith("filter[", StringComparison.Ordinal) && q.Key.EndsWith("][eq]", StringComparison.Ordinal))
            .Select(q => (Field: q.Key["filter[".Length..^"][eq]".Length], Value: q.Value.ToString()))
            .ToList();
        var fields = context.Request.Query[$"fields[{module}]"].ToString().Split(',');
        var match = Records.FirstOrDefault(record => filters.Any(f => record.TryGetValue(f.Field, out var v) && v == f.Value));
        var data = new JsonArray();
        if (match is not null)
        {
            var attributes = new JsonObject();
            foreach (var field in fields)
            {
                attributes[field] = match.GetValueOrDefault(field);
            }

            data.Add(new JsonObject { ["type"] = module, ["id"] = match["id"], ["attributes"] = attributes });
        }

        context.Response.ContentType = "application/vnd.api+json";
        await context.Response.WriteAsync(new JsonObject { ["meta"] = new JsonObject(), ["data"] = data }.ToJsonString(JsonSerializerOptions.Web));
    }
}

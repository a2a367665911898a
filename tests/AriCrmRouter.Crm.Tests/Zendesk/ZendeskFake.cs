using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Tests.Zendesk;

/// <summary>
/// Zendesk Support API v2 on 127.0.0.1: <c>/api/v2/search.json</c> (type:user phone:*digits, field:"value"),
/// <c>/api/v2/{users|organizations}/search.json?external_id=</c>, <c>/api/v2/organizations/{id}.json</c>;
/// 401 <c>{"error":"Couldn't authenticate you"}</c> for unknown credentials.
/// </summary>
internal sealed partial class ZendeskFake : FakeVendor
{
    public const string Email = "agent@acme.test";
    public const string ApiToken = "zd-api-token-123";

    public List<JsonObject> Users { get; } = [];

    public List<JsonObject> Organizations { get; } = [];

    public HashSet<string> AcceptedAuthorizations { get; } = ["Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Email}/token:{ApiToken}")), "Bearer oauth-abc"];

    public IEnumerable<RecordedRequest> Searches => Server.Requests.Where(r => r.Path.EndsWith("search.json", StringComparison.Ordinal));

    public string LastSearchQuery() => LastParameter(Searches, "query");

    public static Task<ZendeskFake> StartAsync() => ServeAsync(new ZendeskFake());

    /// <summary>A connection with the agent's API token.</summary>
    public CrmConnection Connection(string name = "main") => ConnectorTestHost.Connection(
        "zendesk", new() { ["url"] = Url.ToString(), ["email"] = Email }, new() { ["apiToken"] = ApiToken }, name);

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v2/search.json", (HttpContext context) => Guard(context, () => SearchAsync(context)));
        app.MapGet("/api/v2/{kind}/search.json", (HttpContext context, string kind) => Guard(context, () => ExternalIdAsync(context, kind)));
        app.MapGet("/api/v2/organizations/{id:long}.json", (HttpContext context, long id) => Guard(context, () => OrganizationAsync(context, id)));
    }

    /// <summary>Zendesk takes fixed credentials (API token or OAuth token), none it issues.</summary>
    private Task Guard(HttpContext context, Func<Task> next) => WriteLookupAsync(
        context,
        !RejectEveryToken && AcceptedAuthorizations.Contains(context.Request.Headers.Authorization.ToString()),
        Results.Json(new { error = "Couldn't authenticate you" }, statusCode: 401),
        next);

    private async Task SearchAsync(HttpContext context)
    {
        var query = context.Request.Query["query"].ToString();
        IEnumerable<JsonObject> results = [];
        if (PhoneQuery().Match(query) is { Success: true } phone)
        {
            results = Users.Where(u => new string(((string?)u["phone"] ?? "").Where(char.IsAsciiDigit).ToArray()).EndsWith(phone.Groups[1].Value, StringComparison.Ordinal));
        }
        else if (FieldQuery().Match(query) is { Success: true } field)
        {
            var (source, fields) = field.Groups[1].Value == "user" ? (Users, "user_fields") : (Organizations, "organization_fields");
            results = source.Where(r => (string?)r[fields]?[field.Groups[2].Value] == field.Groups[3].Value);
        }

        var list = new JsonArray(results.Take(1).Select(r => (JsonNode)r.DeepClone()).ToArray());
        foreach (var result in list)
        {
            result!["result_type"] = result["organization_fields"] is null ? "user" : "organization";
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["results"] = list, ["count"] = list.Count, ["next_page"] = null, ["previous_page"] = null });
    }

    private async Task ExternalIdAsync(HttpContext context, string kind)
    {
        var source = kind == "users" ? Users : Organizations;
        var externalId = context.Request.Query["external_id"].ToString();
        var list = new JsonArray(source.Where(r => (string?)r["external_id"] == externalId).Select(r => (JsonNode)r.DeepClone()).ToArray());
        await context.Response.WriteAsJsonAsync(new JsonObject { [kind] = list, ["count"] = list.Count });
    }

    private async Task OrganizationAsync(HttpContext context, long id)
    {
        var organization = Organizations.FirstOrDefault(o => (long)o["id"]! == id);
        if (organization is null)
        {
            await AnswerAsync(context, 404, new { error = "RecordNotFound", description = "Not found" });
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["organization"] = organization.DeepClone() });
    }

    [GeneratedRegex("^type:user phone:\\*(\\d+)$")]
    private static partial Regex PhoneQuery();

    [GeneratedRegex("^type:(user|organization) (\\w+):\"([^\"]*)\"$")]
    private static partial Regex FieldQuery();
}

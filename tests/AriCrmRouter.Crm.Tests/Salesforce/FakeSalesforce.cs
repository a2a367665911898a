using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Tests.Salesforce;

/// <summary>
/// Salesforce's OAuth token endpoint and REST search/query resources on a local Kestrel server, with the
/// documented shapes: token answers without expires_in, <c>searchRecords</c>/<c>records</c>, error arrays
/// (401 INVALID_SESSION_ID, 403 REQUEST_LIMIT_EXCEEDED).
/// </summary>
internal sealed partial class FakeSalesforce : FakeVendor
{
    public const string ClientSecret = "sf-consumer-secret-value";
    public const string RefreshToken = "5Aep861-sf-refresh-token-value";

    public List<(string Type, string[] Phones, JsonObject Record)> Records { get; } = [];

    public bool RefuseGrant { get; set; }

    public IEnumerable<RecordedRequest> DataRequests => Server.Requests.Where(r => r.Path.StartsWith("/services/data/", StringComparison.Ordinal));

    public static Task<FakeSalesforce> StartAsync() => ServeAsync(new FakeSalesforce());

    /// <summary>A connection with the refresh-token grant against this fake.</summary>
    public CrmConnection Connection(string name = "main") => ConnectorTestHost.Connection(
        "salesforce", new() { ["loginUrl"] = Url.ToString(), ["clientId"] = "3MVG9-CLIENT" }, new() { ["clientSecret"] = ClientSecret, ["refreshToken"] = RefreshToken }, name);

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/services/oauth2/token", Token);
        app.MapGet("/services/data/v62.0/search/", Search);
        app.MapGet("/services/data/v62.0/query/", Query);
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var grant = form["grant_type"].ToString();
        var valid = form["client_id"] == "3MVG9-CLIENT" && form["client_secret"] == ClientSecret
            && (grant == "client_credentials" || (grant == "refresh_token" && form["refresh_token"] == RefreshToken));
        if (!valid || RefuseGrant)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "expired access/refresh token" }, statusCode: 400);
        }

        return Results.Json(new
        {
            access_token = IssueToken("00D-session-"),
            instance_url = Authority,
            id = "https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS",
            token_type = "Bearer",
            issued_at = "1732449600000",
            signature = "c2lnbmF0dXJl",
        });
    }

    private IResult Search(HttpRequest request) => Answer(request, q =>
    {
        var match = SoslPattern().Match(q);
        var terms = QuotedPhrases(match.Groups["terms"].Value).ToList();
        var found = Records.Where(r => r.Type == match.Groups["type"].Value && r.Phones.Any(p => terms.Contains(Digits(p)) || terms.Contains(p))).Take(1);
        return new JsonObject { ["searchRecords"] = new JsonArray([.. found.Select(r => Project(r, match.Groups["fields"].Value))]) };
    });

    private IResult Query(HttpRequest request) => Answer(request, q =>
    {
        var match = SoqlPattern().Match(q);
        var value = Unescape(match.Groups["value"].Value);
        var found = Records.Where(r => r.Type == match.Groups["type"].Value && r.Record[match.Groups["key"].Value]?.ToString() == value).Take(1).ToList();
        return new JsonObject
        {
            ["totalSize"] = found.Count,
            ["done"] = true,
            ["records"] = new JsonArray([.. found.Select(r => Project(r, match.Groups["fields"].Value))]),
        };
    });

    private IResult Answer(HttpRequest request, Func<string, JsonObject> run) => Lookup(
        HonoursAuthorization(request),
        Results.Json(new[] { new { message = "Session expired or invalid", errorCode = "INVALID_SESSION_ID" } }, statusCode: 401),
        () => Results.Json(run(request.Query["q"].ToString())));

    private static JsonObject Project((string Type, string[] Phones, JsonObject Record) record, string fields)
    {
        var projected = new JsonObject { ["attributes"] = new JsonObject { ["type"] = record.Type, ["url"] = $"/services/data/v62.0/sobjects/{record.Type}/{record.Record["Id"]}" } };
        foreach (var field in fields.Split(',').Select(f => f.Split('.')[0]))
        {
            projected[field] = record.Record[field]?.DeepClone();
        }

        return projected;
    }

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    [GeneratedRegex("^FIND \\{(?<terms>.*)\\} IN PHONE FIELDS RETURNING (?<type>\\w+)\\((?<fields>[\\w.,]+)\\) LIMIT 1$")]
    private static partial Regex SoslPattern();

    [GeneratedRegex("^SELECT (?<fields>[\\w.,]+) FROM (?<type>\\w+) WHERE (?<key>\\w+) = '(?<value>(?:\\\\.|[^'\\\\])*)' LIMIT 1$")]
    private static partial Regex SoqlPattern();
}

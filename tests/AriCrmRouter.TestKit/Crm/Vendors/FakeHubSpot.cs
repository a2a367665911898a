using System.Text.Json.Nodes;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.TestKit.Http;
using Microsoft.AspNetCore.Routing;

namespace AriCrmRouter.TestKit.Crm.Vendors;

/// <summary>
/// HubSpot's CRM v3 search, property definitions and OAuth token endpoint on a local Kestrel server, with
/// the documented shapes (total/results, 401 INVALID_AUTHENTICATION, 429 with policyName, 5-group limit).
/// </summary>
public sealed class FakeHubSpot : FakeVendor
{
    public const string PrivateAppToken = "pat-na1-11111111-2222-3333-4444-555555555555";
    public const string ClientSecret = "hubspot-client-secret-value";
    public const string RefreshToken = "na1-refresh-token-value";

    private FakeHubSpot()
        : base(PrivateAppToken)
    {
    }

    public List<(string ObjectType, Dictionary<string, string?> Properties)> Records { get; } = [];

    public long ExpiresIn { get; set; } = 1800;

    public bool RefuseRefresh { get; set; }

    public IEnumerable<RecordedRequest> Searches => Server.Requests.Where(r => r.Path.EndsWith("/search", StringComparison.Ordinal));

    public static Task<FakeHubSpot> StartAsync() => ServeAsync(new FakeHubSpot());

    /// <summary>A connection with the private-app token, to this fake as the API.</summary>
    public CrmConnection PrivateAppConnection(string name = "main") => new(
        name, "hubspot", new Dictionary<string, string> { ["baseUrl"] = Url.ToString() }, new Dictionary<string, string> { ["accessToken"] = PrivateAppToken });

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/oauth/v3/token", Token);
        app.MapPost("/crm/v3/objects/{objectType}/search", (string objectType, HttpRequest request) => LookupAsync(HonoursAuthorization(request), Unauthenticated(), () => Search(objectType, request)));
        app.MapGet("/crm/v3/properties/{objectType}/{name}", (string name, HttpRequest request) => HonoursAuthorization(request) ? Property(name) : Unauthenticated());
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (RefuseRefresh || form["grant_type"] != "refresh_token" || form["client_id"] != "hs-client" || form["client_secret"] != ClientSecret || form["refresh_token"] != RefreshToken)
        {
            return Results.Json(new { status = "BAD_REFRESH_TOKEN", message = "missing or invalid refresh token" }, statusCode: 400);
        }

        return Results.Json(new { token_type = "bearer", refresh_token = RefreshToken, access_token = IssueToken("CJT-oauth-"), expires_in = ExpiresIn });
    }

    private static IResult Unauthenticated() => Results.Json(
        new { status = "error", message = "Authentication credentials not found.", correlationId = "7f1f", category = "INVALID_AUTHENTICATION" },
        statusCode: 401);

    private async Task<IResult> Search(string objectType, HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        var groups = body["filterGroups"]!.AsArray();
        if (groups.Count > 5)
        {
            return Results.Json(new { status = "error", message = "Too many filter groups (max 5)", category = "VALIDATION_ERROR" }, statusCode: 400);
        }

        var wanted = body["properties"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        var match = Records.FirstOrDefault(r => r.ObjectType == objectType && groups.Any(g => g!["filters"]!.AsArray().All(f =>
            r.Properties.TryGetValue(f!["propertyName"]!.GetValue<string>(), out var stored) && Matches(f, stored))));
        if (match.Properties is null)
        {
            return Results.Json(new { total = 0, results = Array.Empty<object>() });
        }

        var properties = new JsonObject
        {
            ["createdate"] = "2025-01-07T10:00:00.000Z",
            ["hs_object_id"] = match.Properties["hs_object_id"],
            ["lastmodifieddate"] = "2026-11-01T10:00:00.000Z",
        };
        foreach (var name in wanted)
        {
            properties[name] = match.Properties.GetValueOrDefault(name);
        }

        return Results.Json(new JsonObject
        {
            ["total"] = 1,
            ["results"] = new JsonArray(new JsonObject
            {
                ["id"] = match.Properties["hs_object_id"],
                ["properties"] = properties,
                ["createdAt"] = "2025-01-07T10:00:00.000Z",
                ["updatedAt"] = "2026-11-01T10:00:00.000Z",
                ["archived"] = false,
            }),
        });
    }

    /// <summary>EQ compares the whole stored text (case-insensitive); IN is EQ against any of its values.</summary>
    private static bool Matches(JsonNode filter, string? stored) => filter["operator"]!.GetValue<string>() switch
    {
        "EQ" => string.Equals(stored, filter["value"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase),
        "IN" => filter["values"]!.AsArray().Any(v => string.Equals(stored, v!.GetValue<string>(), StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    private static IResult Property(string name) => Results.Json(new
    {
        name,
        label = "Customer tier",
        type = "enumeration",
        fieldType = "select",
        options = new[]
        {
            new { label = "Gold customer", value = "gold", displayOrder = 0, hidden = false },
            new { label = "Silver customer", value = "silver", displayOrder = 1, hidden = false },
        },
    });

    public static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement.Clone();
}

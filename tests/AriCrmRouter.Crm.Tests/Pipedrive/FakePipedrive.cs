namespace AriCrmRouter.Crm.Tests.Pipedrive;

/// <summary>
/// Pipedrive API v2 (search, records by id, field definitions) and its OAuth server on a local Kestrel
/// server, with the documented shapes: search items without custom fields, custom fields under 40-character
/// keys, 401 <c>unauthorized access</c>, 429 with <c>x-ratelimit-*</c> headers.
/// </summary>
internal sealed class FakePipedrive() : FakeVendor(ApiToken)
{
    public const string ApiToken = "pipedrive-api-token-0123456789abcdef";
    public const string ClientSecret = "pipedrive-client-secret-value";
    public const string RefreshToken = "pipedrive-refresh-token-value";
    public const string StatusKey = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    public const string CustomerNumberKey = "0f1e2d3c4b5a69788796a5b4c3d2e1f012345678";
    public const string EmployeesKey = "1111111111222222222233333333334444444444";
    public const string TagsKey = "5555555555666666666677777777778888888888";
    public const string OtherCodeKey = "9999999999aaaaaaaaaabbbbbbbbbbcccccccccc";
    public const string TierKey = "dddddddddd0000000000eeeeeeeeee1111111111";

    private string _refreshToken = RefreshToken;

    public List<JsonObject> Persons { get; } = [];

    public List<JsonObject> Organizations { get; } = [];

    public bool RefuseRefresh { get; set; }

    /// <summary>Answer each refresh with a new refresh token and accept only the newest one (single use).</summary>
    public bool RotateRefreshTokens { get; set; }

    /// <summary>The refresh tokens the connector sent, in order.</summary>
    public List<string> RefreshTokensReceived { get; } = [];

    public IEnumerable<RecordedRequest> ApiRequests => Server.Requests.Where(r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal));

    public static Task<FakePipedrive> StartAsync() => ServeAsync(new FakePipedrive());

    /// <summary>A connection with the API token, to this fake as its API domain.</summary>
    public CrmConnection ApiTokenConnection(string name = "main") =>
        ConnectorTestHost.Connection("pipedrive", new() { ["baseUrl"] = Url.ToString() }, new() { ["apiToken"] = ApiToken }, name);

    /// <summary>Adds a person owned by user 5 with one work phone and the given custom field values.</summary>
    public void AddPerson(string phone, JsonObject customFields, int id = 1, string name = "Jane Doe", int? orgId = null) => Persons.Add(new JsonObject
    {
        ["id"] = id,
        ["name"] = name,
        ["first_name"] = name.Split(' ')[0],
        ["last_name"] = name.Split(' ')[1],
        ["owner_id"] = 5,
        ["org_id"] = orgId,
        ["phones"] = new JsonArray(new JsonObject { ["value"] = phone, ["primary"] = true, ["label"] = "work" }),
        ["emails"] = new JsonArray(),
        ["custom_fields"] = customFields,
    });

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/oauth/token", Token);
        app.MapGet("/api/v2/personFields", (HttpRequest r) => Guard(r, () => Fields(PersonFields())));
        app.MapGet("/api/v2/organizationFields", (HttpRequest r) => Guard(r, () => Fields(OrganizationFields())));
        app.MapGet("/api/v2/persons/search", (HttpRequest r) => Lookup(Honours(PresentedToken(r)), Unauthorized(), () => Search(Persons, "person", r)));
        app.MapGet("/api/v2/organizations/search", (HttpRequest r) => Lookup(Honours(PresentedToken(r)), Unauthorized(), () => Search(Organizations, "organization", r)));
        app.MapGet("/api/v2/persons/{id:int}", (int id, HttpRequest r) => Guard(r, () => Get(Persons, id, r)));
        app.MapGet("/api/v2/organizations/{id:int}", (int id, HttpRequest r) => Guard(r, () => Get(Organizations, id, r)));
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        RefreshTokensReceived.Add(form["refresh_token"].ToString());
        var basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("pd-client:" + ClientSecret));
        if (RefuseRefresh || request.Headers.Authorization.ToString() != basic || form["grant_type"] != "refresh_token" || form["refresh_token"] != _refreshToken)
        {
            return Results.Json(new { success = false, message = "Invalid grant: refresh token is invalid", error = "invalid_grant" }, statusCode: 400);
        }

        var token = IssueToken("v1u:oauth-");
        if (RotateRefreshTokens)
        {
            _refreshToken = $"pipedrive-refresh-token-{TokensIssued}";
        }

        return Results.Json(new
        {
            access_token = token,
            token_type = "Bearer",
            refresh_token = _refreshToken,
            scope = "base,contacts:read",
            expires_in = 3599,
            api_domain = Authority,
        });
    }

    /// <summary>The API token header, else the OAuth bearer token.</summary>
    private static string PresentedToken(HttpRequest request)
    {
        var apiToken = request.Headers["x-api-token"].ToString();
        var bearer = request.Headers.Authorization.ToString();
        return apiToken.Length > 0 ? apiToken : bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer["Bearer ".Length..] : "";
    }

    private static IResult Unauthorized() =>
        Results.Json(new { success = false, error = "unauthorized access", errorCode = 401, error_info = "Please check developers.pipedrive.com" }, statusCode: 401);

    private IResult Guard(HttpRequest request, Func<IResult> answer) => Honours(PresentedToken(request)) ? answer() : Unauthorized();

    private static IResult Search(List<JsonObject> records, string type, HttpRequest request)
    {
        var term = request.Query["term"].ToString();
        var fields = request.Query["fields"].ToString();
        var exact = request.Query["exact_match"] == "true";
        var limit = int.TryParse(request.Query["limit"], out var requested) ? requested : 100;
        var matches = records.Where(r => fields switch
        {
            "phone" => r["phones"]!.AsArray().Any(p => exact
                ? string.Equals(p!["value"]!.GetValue<string>(), term, StringComparison.OrdinalIgnoreCase)
                : p!["value"]!.GetValue<string>().Contains(term, StringComparison.OrdinalIgnoreCase)),
            "custom_fields" => r["custom_fields"]!.AsObject().Any(f => f.Value is JsonValue v && string.Equals(v.ToString(), term, StringComparison.OrdinalIgnoreCase)),
            "name" => string.Equals(r["name"]!.GetValue<string>(), term, StringComparison.OrdinalIgnoreCase),
            _ => false,
        }).Take(limit);
        var items = new JsonArray([.. matches.Select(r => (JsonNode)new JsonObject
        {
            ["result_score"] = 1.01,
            ["item"] = new JsonObject
            {
                ["id"] = r["id"]!.DeepClone(),
                ["type"] = type,
                ["name"] = r["name"]!.DeepClone(),
                ["phones"] = new JsonArray([.. r["phones"]!.AsArray().Select(p => (JsonNode)JsonValue.Create(p!["value"]!.GetValue<string>()))]),
                ["emails"] = new JsonArray(),
                ["visible_to"] = 3,
                ["owner"] = new JsonObject { ["id"] = 5 },
                ["organization"] = r["org_id"] is { } orgId ? new JsonObject { ["id"] = orgId.DeepClone(), ["name"] = "Acme Ltd", ["address"] = null } : null,
                ["custom_fields"] = new JsonArray(),
                ["notes"] = new JsonArray(),
            },
        })]);
        return Results.Json(new JsonObject { ["success"] = true, ["data"] = new JsonObject { ["items"] = items }, ["additional_data"] = new JsonObject { ["next_cursor"] = null } });
    }

    private static IResult Get(List<JsonObject> records, int id, HttpRequest request)
    {
        var record = records.FirstOrDefault(r => r["id"]!.GetValue<int>() == id);
        if (record is null)
        {
            return Results.Json(new { success = false, error = "Not found", errorCode = 404 }, statusCode: 404);
        }

        var copy = record.DeepClone().AsObject();
        var wanted = request.Query["custom_fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (wanted.Length > 0)
        {
            var custom = new JsonObject();
            foreach (var key in wanted)
            {
                custom[key] = record["custom_fields"]![key]?.DeepClone();
            }

            copy["custom_fields"] = custom;
        }

        return Results.Json(new JsonObject { ["success"] = true, ["data"] = copy });
    }

    private static IResult Fields(JsonArray fields) =>
        Results.Json(new JsonObject { ["success"] = true, ["data"] = fields, ["additional_data"] = new JsonObject { ["next_cursor"] = null } });

    private static JsonArray PersonFields() =>
    [
        Field("name", "Name", "varchar", custom: false),
        Field("phone", "Phone", "phone", custom: false),
        Field("org_id", "Organization", "org", custom: false),
        Field(StatusKey, "Status", "enum", custom: true, new JsonArray(Option(27, "GOLD"), Option(28, "SILVER"))),
        Field(CustomerNumberKey, "Customer number", "varchar", custom: true),
        Field(EmployeesKey, "Employees", "double", custom: true),
        Field(TagsKey, "Tags", "set", custom: true, new JsonArray(Option(31, "VIP"), Option(32, "Partner"))),
        Field(OtherCodeKey, "Other code", "varchar", custom: true),
    ];

    private static JsonArray OrganizationFields() =>
    [
        Field("name", "Name", "varchar", custom: false),
        Field(TierKey, "Tier", "varchar", custom: true),
    ];

    private static JsonObject Field(string code, string name, string type, bool custom, JsonArray? options = null) => new()
    {
        ["field_name"] = name,
        ["field_code"] = code,
        ["field_type"] = type,
        ["options"] = options,
        ["subfields"] = null,
        ["is_custom_field"] = custom,
        ["is_optional_response_field"] = false,
    };

    private static JsonObject Option(int id, string label) => new() { ["id"] = id, ["label"] = label };
}

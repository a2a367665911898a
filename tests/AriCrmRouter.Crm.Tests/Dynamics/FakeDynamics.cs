using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Tests.Dynamics;

/// <summary>
/// Microsoft Entra ID / AD FS token endpoints, the Dataverse Web API and the CRM 2015 Organization Data
/// service on one local Kestrel server. <c>$filter</c> is parsed (only <c>field eq 'literal'</c> joined by
/// <c>or</c>, quotes doubled) and anything else is a 400, as a real OData parser would refuse it.
/// </summary>
internal sealed partial class FakeDynamics : FakeVendor
{
    public const string Tenant = "contoso.onmicrosoft.com";
    public const string ClientSecret = "entra-client-secret-value";
    public const string Password = "on-prem-password-value";
    private const string FormattedValue = "@OData.Community.Display.V1.FormattedValue";

    /// <summary>Web API records by entity set: raw values plus formatted-value annotations.</summary>
    public Dictionary<string, List<JsonObject>> WebApiRecords { get; } = new(StringComparer.Ordinal);

    /// <summary>CRM 2015 records by entity set (schema names, <c>{"Value":n}</c> option sets).</summary>
    public Dictionary<string, List<JsonObject>> OrganizationDataRecords { get; } = new(StringComparer.Ordinal);

    public long ExpiresIn { get; set; } = 3599;

    public bool RefuseClient { get; set; }

    public IEnumerable<RecordedRequest> Queries => Server.Requests.Where(r => r.Method == "GET");

    public static Task<FakeDynamics> StartAsync() => ServeAsync(new FakeDynamics());

    /// <summary>A Web API connection with a client secret, this fake being both the organization and the authority.</summary>
    public CrmConnection WebApiConnection(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["orgUrl"] = Url.ToString(), ["authorityUrl"] = Url.ToString(), ["tenantId"] = Tenant, ["clientId"] = "app-id" };
        return ConnectorTestHost.Connection("dynamics", settings.With(extra), new() { ["clientSecret"] = ClientSecret });
    }

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", EntraToken);
        app.MapPost("/adfs/oauth2/token", AdfsToken);
        app.MapGet("/api/data/v9.2/{entitySet}", (string entitySet, HttpRequest request) => Lookup(
            Authorized(request),
            Results.Json(new { error = new { code = "0x80072182", message = "The user is not authenticated." } }, statusCode: 401),
            () => WebApiQuery(entitySet, request)));
        app.MapGet("/contoso/XRMServices/2011/OrganizationData.svc/{entitySet}", OrganizationDataQuery);
    }

    private async Task<IResult> EntraToken(string tenant, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (tenant != Tenant || RefuseClient || form["grant_type"] != "client_credentials" || form["client_id"] != "app-id" || form["client_secret"] != ClientSecret
            || form["scope"] != Authority + "/.default")
        {
            return Results.Json(
                new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided.", error_codes = new[] { 7000215 } },
                statusCode: 401);
        }

        return Results.Json(new { token_type = "Bearer", expires_in = ExpiresIn, ext_expires_in = ExpiresIn, access_token = IssueToken("eyJ0eXAi.dynamics-") });
    }

    private async Task<IResult> AdfsToken(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (RefuseClient || form["grant_type"] != "client_credentials" || form["client_secret"] != ClientSecret || form["resource"] != "https://crm.contoso.local/")
        {
            return Results.Json(new { error = "invalid_client", error_description = "MSIS9623" }, statusCode: 400);
        }

        return Results.Json(new { access_token = IssueToken("eyJ0eXAi.dynamics-"), token_type = "bearer", expires_in = ExpiresIn.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private bool Authorized(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        var basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("CONTOSO\\crmrouter:" + Password));
        return (auth == basic && !RejectEveryToken) || HonoursAuthorization(request);
    }

    private IResult WebApiQuery(string entitySet, HttpRequest request)
    {
        if (!TryParseFilter(request.Query["$filter"].ToString(), out var conditions))
        {
            return Results.Json(new { error = new { code = "0x80060888", message = "Syntax error in $filter" } }, statusCode: 400);
        }

        var annotate = request.Headers["Prefer"].ToString().Contains("OData.Community.Display.V1.FormattedValue", StringComparison.Ordinal);
        var select = request.Query["$select"].ToString();
        var match = WebApiRecords.GetValueOrDefault(entitySet)?.FirstOrDefault(r => conditions.Any(c => r[c.Field]?.ToString() == c.Value));
        var results = new JsonArray();
        if (match is not null)
        {
            var projected = new JsonObject { ["@odata.etag"] = "W/\"1234\"", ["contactid"] = match["contactid"]?.DeepClone() };
            projected[select] = match[select]?.DeepClone();
            if (annotate && match[select + FormattedValue] is { } label)
            {
                projected[select + FormattedValue] = label.DeepClone();
            }

            results.Add(projected);
        }

        return Results.Json(new JsonObject { ["@odata.context"] = $"{Server.BaseUri}api/data/v9.2/$metadata#{entitySet}({select})", ["value"] = results });
    }

    private IResult OrganizationDataQuery(string entitySet, HttpRequest request)
    {
        if (!Authorized(request))
        {
            return Results.Text("<html><body>401 - Unauthorized: Access is denied due to invalid credentials.</body></html>", "text/html", statusCode: 401);
        }

        if (!TryParseFilter(request.Query["$filter"].ToString(), out var conditions))
        {
            return Results.Json(new { error = new { code = "", message = new { lang = "en-US", value = "Syntax error" } } }, statusCode: 400);
        }

        var select = request.Query["$select"].ToString();
        var match = OrganizationDataRecords.GetValueOrDefault(entitySet)?.FirstOrDefault(r => conditions.Any(c => r[c.Field]?.ToString() == c.Value));
        var results = new JsonArray();
        if (match is not null)
        {
            results.Add(new JsonObject
            {
                ["__metadata"] = new JsonObject { ["uri"] = $"{Server.BaseUri}contoso/XRMServices/2011/OrganizationData.svc/{entitySet}(guid'1')", ["type"] = "Microsoft.Crm.Sdk.Data.Services.Contact" },
                [select] = match[select]?.DeepClone(),
            });
        }

        return Results.Json(new JsonObject { ["d"] = new JsonObject { ["results"] = results } });
    }

    private static bool TryParseFilter(string filter, out List<(string Field, string Value)> conditions)
    {
        conditions = [];
        if (!FilterPattern().IsMatch(filter))
        {
            return false;
        }

        foreach (Match m in ConditionPattern().Matches(filter))
        {
            conditions.Add((m.Groups["field"].Value, m.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal)));
        }

        return true;
    }

    [GeneratedRegex("^\\w+ eq '(?:[^']|'')*'(?: or \\w+ eq '(?:[^']|'')*')*$")]
    private static partial Regex FilterPattern();

    [GeneratedRegex("(?<field>\\w+) eq '(?<value>(?:[^']|'')*)'")]
    private static partial Regex ConditionPattern();
}

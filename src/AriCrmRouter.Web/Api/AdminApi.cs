using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Routing.Files;
using AriCrmRouter.Storage;
using AriCrmRouter.Storage.History;
using AriCrmRouter.Web.Security;
using AriCrmRouter.Web.Services;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Web.Api;

/// <summary>
/// The REST API under <c>/api</c> (OpenAPI document at <c>/openapi/v1.json</c>). Rules travel in the rule-file
/// format of <c>crmrouter-admin</c> and are checked by the same validator. Every answer about the rule set
/// carries its version as an ETag; send it back as <c>If-Match</c> to get 409 instead of overwriting a change.
/// </summary>
internal static class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(AdminPolicies.ApiViewer).DisableAntiforgery();
        MapRules(api);
        MapDids(api);
        MapConnections(api);

        api.MapPost("/simulate", async (SimulatedCall body, IRuleStore rules, AdminCrmServices crm, IOptions<WebAdminOptions> options, CancellationToken ct) =>
        {
            var stored = await rules.LoadAsync(ct);
            if (stored.RuleSet.FindByName(body.Rule ?? "") is not { } rule)
            {
                return ApiResults.NotFound($"No rule named '{body.Rule}'.");
            }

            if (string.IsNullOrWhiteSpace(body.Caller))
            {
                return ApiResults.Invalid("Nothing to simulate", ["caller is required"]);
            }

            return Results.Ok(await CallSimulation.RunAsync(stored.RuleSet, rule, crm, body, options.Value.VoicemailWhenNotSet, ct));
        }).WithSummary("Show where a call would go and why (the decision trail)");

        api.MapGet("/history", async (int? count, RedisChangeHistory history, CancellationToken ct) =>
            Results.Ok(await history.ListAsync(count ?? 50, ct)))
            .WithSummary("Recorded changes, newest first: who, when, what");
    }

    private static void MapRules(RouteGroupBuilder api)
    {
        api.MapGet("/rules", async (IRuleStore rules, HttpResponse response, CancellationToken ct) =>
        {
            var stored = await rules.LoadAsync(ct);
            ApiResults.SetVersion(response, stored.Version);
            return Results.Text(RuleFileCodec.Serialize(stored.RuleSet), "application/json");
        }).WithSummary("The whole rule set in rule-file format; ETag = its version");

        api.MapGet("/rules/{name}", async (string name, IRuleStore rules, HttpResponse response, CancellationToken ct) =>
        {
            var stored = await rules.LoadAsync(ct);
            ApiResults.SetVersion(response, stored.Version);
            return stored.RuleSet.FindByName(name) is { } rule
                ? Results.Text(RuleFileCodec.SerializeRule(rule), "application/json")
                : ApiResults.NotFound($"No rule named '{name}'.");
        }).WithSummary("One rule in rule-file format");

        api.MapPut("/rules/{name}", async (string name, HttpRequest request, IRuleStore rules, AdminSession session, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var parsed = RuleFileCodec.ParseRule(await reader.ReadToEndAsync(ct));
            if (parsed.Rule is not { } rule || parsed.Problems.Count > 0)
            {
                return ApiResults.Invalid("The rule is invalid; nothing was written", parsed.Problems);
            }

            // PUT to an existing name replaces (and may rename) that rule; to a new name it creates one.
            var exists = (await rules.LoadAsync(ct)).RuleSet.FindByName(name) is not null;
            return ApiResults.Change(await session.Rules.SaveRuleAsync(rule, exists ? name : null, ApiResults.ExpectedVersion(request), ct));
        }).RequireAuthorization(AdminPolicies.ApiAdmin).Accepts<System.Text.Json.JsonElement>("application/json")
          .WithSummary("Create or replace a rule (If-Match: version for 409 on concurrent change)");

        api.MapDelete("/rules/{name}", async (string name, HttpRequest request, IRuleStore rules, AdminSession session, CancellationToken ct) =>
        {
            if ((await rules.LoadAsync(ct)).RuleSet.FindByName(name) is null)
            {
                return ApiResults.NotFound($"No rule named '{name}'.");
            }

            return ApiResults.Change(await session.Rules.DeleteRuleAtAsync(name, ApiResults.ExpectedVersion(request), ct));
        }).RequireAuthorization(AdminPolicies.ApiAdmin).WithSummary("Remove a rule and the DIDs pointing at it");

        api.MapPost("/rules/rollback/{version:long}", async (long version, HttpRequest request, AdminSession session, CancellationToken ct) =>
        {
            if (await session.History.LoadRuleVersionAsync(version, ct) is not { } earlier)
            {
                return ApiResults.NotFound($"Version {version} is not in the history.");
            }

            return ApiResults.Change(await session.Rules.RestoreAsync(earlier, ApiResults.ExpectedVersion(request), ct));
        }).RequireAuthorization(AdminPolicies.ApiAdmin).WithSummary("Make a recorded version current again (as a new version)");
    }

    private static void MapDids(RouteGroupBuilder api)
    {
        api.MapGet("/dids", async (IRuleStore rules, HttpResponse response, CancellationToken ct) =>
        {
            var stored = await rules.LoadAsync(ct);
            ApiResults.SetVersion(response, stored.Version);
            return Results.Ok(new DidsResult(stored.Version, stored.RuleSet.DidAssignments));
        }).WithSummary("DID to rule assignments");

        api.MapPut("/dids/{did}", async (string did, DidAssignmentBody body, AdminSession session, CancellationToken ct) =>
            ApiResults.Change(await session.Rules.AssignDidAsync(did, body.Rule ?? "", ct)))
            .RequireAuthorization(AdminPolicies.ApiAdmin).WithSummary("Assign (or re-point) a DID to a rule");

        api.MapDelete("/dids/{did}", async (string did, IRuleStore rules, AdminSession session, CancellationToken ct) =>
        {
            if (!(await rules.LoadAsync(ct)).RuleSet.DidAssignments.ContainsKey(did.Trim()))
            {
                return ApiResults.NotFound($"DID '{did}' is not assigned.");
            }

            return ApiResults.Change(await session.Rules.UnassignDidAsync(did, ct));
        }).RequireAuthorization(AdminPolicies.ApiAdmin).WithSummary("Unassign a DID");
    }

    private static void MapConnections(RouteGroupBuilder api)
    {
        api.MapGet("/connections", async (ICrmConnectionStore store, CancellationToken ct) =>
            Results.Ok((IReadOnlyList<ConnectionView>)[.. (await store.ListAsync(ct)).Select(ConnectionView.Of)]))
            .WithSummary("CRM connections; secrets by name only, never their values");

        api.MapPut("/connections/{name}", async (string name, ConnectionBody body, AdminSession session, AdminCrmServices crm, CancellationToken ct) =>
        {
            var problems = await ConnectionAdministration.SaveAsync(
                session.Connections, crm.Connectors, name, body.Kind ?? "", body.Settings ?? [], body.Secrets ?? [], SecretUpdate.Merge, ct);
            return problems.Count > 0 ? ApiResults.Invalid("The connection is invalid; nothing was written", problems) : Results.NoContent();
        }).RequireAuthorization(AdminPolicies.ApiAdmin).WithSummary("Create or change a connection; secrets not sent are kept, an empty one is removed");

        api.MapDelete("/connections/{name}", async (string name, AdminSession session, CancellationToken ct) =>
            await session.Connections.DeleteAsync(name, ct) ? Results.NoContent() : ApiResults.NotFound($"No connection named '{name}'."))
            .RequireAuthorization(AdminPolicies.ApiAdmin).WithSummary("Remove a connection");

        api.MapPost("/connections/{name}/test", async (string name, ConnectionTestBody body, ICrmConnectionStore store, AdminCrmServices crm, CancellationToken ct) =>
        {
            if (await store.GetAsync(name, ct) is not { } connection)
            {
                return ApiResults.NotFound($"No connection named '{name}'.");
            }

            if (ConnectionAdministration.TestRequest(body.Module, body.Field, body.Phone, body.KeyField, body.Key) is not { } request)
            {
                return ApiResults.Invalid("Nothing to test", ["give module, field, and either phone or keyField with key"]);
            }

            var timeout = TimeSpan.FromSeconds(Math.Clamp(body.TimeoutSeconds ?? 10, 1, 60));
            return Results.Ok(await CrmConnectionTest.RunAsync(connection, crm.Connectors, request, timeout, ct));
        }).RequireAuthorization(AdminPolicies.ApiAdmin).WithSummary("Run the traced lookup of 'crm test' (secrets masked)");
    }
}

using System.Net;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.SampleCrm;

/// <summary>
/// Test/demo switches: GET /control/mode, POST /control/mode/{normal|down|slow|garbage},
/// GET /control/stats ({"lookups": n}), GET /control/lookups (the latest lookups as received),
/// POST /control/stats/reset (clears both). Loopback callers only unless
/// SampleCrm:AllowRemoteControl is true.
/// </summary>
internal static class ControlEndpoints
{
    public static void MapControl(this IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup("/control").AddEndpointFilter(async (context, next) =>
        {
            var allowRemote = context.HttpContext.RequestServices.GetRequiredService<IOptions<SampleCrmOptions>>().Value.AllowRemoteControl;
            var remote = context.HttpContext.Connection.RemoteIpAddress;
            if (!allowRemote && (remote is null || !IPAddress.IsLoopback(remote)))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            return await next(context);
        });

        control.MapGet("/mode", (CrmState state) =>
            Results.Json(new ModeResponse(state.Mode.ToString().ToLowerInvariant()), SampleCrmJsonContext.Default.ModeResponse));

        control.MapPost("/mode/{mode}", (string mode, CrmState state, ILogger<CrmState> logger) =>
        {
            if (!Enum.TryParse<CrmMode>(mode, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Results.Json(new ErrorResponse("mode must be normal, down, slow or garbage"), SampleCrmJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status400BadRequest);
            }

            state.Mode = parsed;
            Log.ModeChanged(logger, parsed);
            return Results.Json(new ModeResponse(parsed.ToString().ToLowerInvariant()), SampleCrmJsonContext.Default.ModeResponse);
        });

        control.MapGet("/stats", (CrmState state) =>
            Results.Json(new StatsResponse(state.Lookups), SampleCrmJsonContext.Default.StatsResponse));

        control.MapGet("/lookups", (CrmState state) =>
            Results.Json(state.RecentLookups.ToArray(), SampleCrmJsonContext.Default.LookupRecordArray));

        control.MapPost("/stats/reset", (CrmState state) =>
        {
            state.ResetLookups();
            return Results.NoContent();
        });
    }
}

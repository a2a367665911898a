using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.SampleCrm;

/// <summary>
/// The Custom CRM protocol: GET /lookup?field_name=F&amp;dtmf=D&amp;caller_id=C&amp;did=N, or POST /lookup
/// with {"field_name","dtmf","caller_id","did"}. Answers {"F": value} (the value keeps its JSON
/// type), 404 when the customer or the field is unknown, 400 without field_name, and (with
/// SampleCrm:RequireContentLength) 411 to a POST whose body comes without Content-Length.
/// </summary>
internal static class LookupEndpoints
{
    public static void MapLookup(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/lookup", (HttpContext context, string? field_name, string? dtmf, string? caller_id, string? did, LookupHandler handler) =>
            handler.HandleAsync(context, new LookupRequest(field_name, dtmf, caller_id, did)));
        endpoints.MapPost("/lookup", (HttpContext context, LookupRequest request, LookupHandler handler) =>
            handler.HandleAsync(context, request));
    }
}

internal sealed class LookupHandler(
    CustomerDirectory customers,
    CrmState state,
    IOptions<SampleCrmOptions> options,
    TimeProvider timeProvider,
    ILogger<LookupHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context, LookupRequest request)
    {
        state.CountLookup();
        var record = new LookupRecord(request.FieldName, request.Dtmf, request.CallerId, request.Did, state.Mode.ToString().ToLowerInvariant());
        state.Record(record);
        var result = await AnswerAsync(context, request);
        var status = StatusOf(result);
        record.Status = status;
        var hasDtmf = !string.IsNullOrEmpty(request.Dtmf);
        Log.Lookup(logger, request.FieldName ?? "", hasDtmf, request.Did ?? "", status);
        return result;
    }

    private async Task<IResult> AnswerAsync(HttpContext context, LookupRequest request)
    {
        if (options.Value.RequireContentLength && HttpMethods.IsPost(context.Request.Method) && context.Request.ContentLength is null)
        {
            Log.LengthRequired(logger);
            return Results.Json(new ErrorResponse("length required"), SampleCrmJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status411LengthRequired);
        }

        if (!HasRequiredHeader(context))
        {
            Log.MissingRequiredHeader(logger);
            return Results.Json(new ErrorResponse("unauthorized"), SampleCrmJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (options.Value.LookupDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.Value.LookupDelay, timeProvider, context.RequestAborted);
        }

        switch (state.Mode)
        {
            case CrmMode.Down:
                return Results.Json(new ErrorResponse("service unavailable"), SampleCrmJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status503ServiceUnavailable);
            case CrmMode.Garbage:
                // Claims JSON but is an HTML error page, as a misconfigured proxy in front of a CRM would answer.
                return Results.Text("<html><body><h1>502 Bad Gateway</h1></body></html>", "application/json", Encoding.UTF8, StatusCodes.Status200OK);
            case CrmMode.Slow:
                await Task.Delay(options.Value.SlowDelay, timeProvider, context.RequestAborted);
                break;
        }

        if (string.IsNullOrWhiteSpace(request.FieldName))
        {
            return Results.Json(new ErrorResponse("field_name is required"), SampleCrmJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status400BadRequest);
        }

        var customer = customers.Find(request.Dtmf, request.CallerId);
        if (customer is null)
        {
            return Results.Json(new ErrorResponse("customer not found"), SampleCrmJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status404NotFound);
        }

        if (!customer.TryGetPropertyValue(request.FieldName, out var value))
        {
            return Results.Json(new ErrorResponse("field not found"), SampleCrmJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status404NotFound);
        }

        var answer = new JsonObject { [request.FieldName] = value?.DeepClone() };
        return Results.Json(answer, SampleCrmJsonContext.Default.JsonObject);
    }

    private bool HasRequiredHeader(HttpContext context)
    {
        var required = options.Value.RequiredHeader;
        if (string.IsNullOrEmpty(required))
        {
            return true;
        }

        var colon = required.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var name = required[..colon].Trim();
        var expected = Encoding.UTF8.GetBytes(required[(colon + 1)..].Trim());
        var actual = Encoding.UTF8.GetBytes(context.Request.Headers[name].ToString());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static int StatusOf(IResult result) =>
        result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
}

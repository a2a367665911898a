using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AriCrmRouter.SampleCrm;

[JsonSerializable(typeof(LookupRequest))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(ModeResponse))]
[JsonSerializable(typeof(StatsResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(LookupRecord[]))]
internal sealed partial class SampleCrmJsonContext : JsonSerializerContext;

internal sealed record ModeResponse([property: JsonPropertyName("mode")] string Mode);

internal sealed record StatsResponse([property: JsonPropertyName("lookups")] long Lookups);

internal sealed record ErrorResponse([property: JsonPropertyName("error")] string Error);

/// <summary>One lookup as received, with the status it was answered with and the mode the CRM was in.</summary>
internal sealed record LookupRecord(
    [property: JsonPropertyName("field_name")] string? FieldName,
    [property: JsonPropertyName("dtmf")] string? Dtmf,
    [property: JsonPropertyName("caller_id")] string? CallerId,
    [property: JsonPropertyName("did")] string? Did,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("mode")] string Mode);

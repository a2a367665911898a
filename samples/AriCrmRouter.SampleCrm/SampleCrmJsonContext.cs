using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AriCrmRouter.SampleCrm;

[JsonSerializable(typeof(LookupRequest))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(ModeResponse))]
[JsonSerializable(typeof(StatsResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class SampleCrmJsonContext : JsonSerializerContext;

internal sealed record ModeResponse([property: JsonPropertyName("mode")] string Mode);

internal sealed record StatsResponse([property: JsonPropertyName("lookups")] long Lookups);

internal sealed record ErrorResponse([property: JsonPropertyName("error")] string Error);

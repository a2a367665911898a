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

/// <summary>
/// One lookup, recorded when it arrives (so a test sees lookups the CRM is still delaying): the status is 0 until
/// it is answered, and stays 0 when the caller gave up first.
/// </summary>
internal sealed class LookupRecord(string? fieldName, string? dtmf, string? callerId, string? did, string mode)
{
    private int _status;

    [JsonPropertyName("field_name")]
    public string? FieldName { get; } = fieldName;

    [JsonPropertyName("dtmf")]
    public string? Dtmf { get; } = dtmf;

    [JsonPropertyName("caller_id")]
    public string? CallerId { get; } = callerId;

    [JsonPropertyName("did")]
    public string? Did { get; } = did;

    [JsonPropertyName("mode")]
    public string Mode { get; } = mode;

    [JsonPropertyName("status")]
    public int Status
    {
        get => Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, value);
    }
}

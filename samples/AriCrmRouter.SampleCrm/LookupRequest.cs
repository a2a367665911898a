using System.Text.Json.Serialization;

namespace AriCrmRouter.SampleCrm;

/// <summary>The router's Custom CRM request: query string (GET) or JSON body (POST).</summary>
internal sealed record LookupRequest(
    [property: JsonPropertyName("field_name")] string? FieldName,
    [property: JsonPropertyName("dtmf")] string? Dtmf,
    [property: JsonPropertyName("caller_id")] string? CallerId,
    [property: JsonPropertyName("did")] string? Did);

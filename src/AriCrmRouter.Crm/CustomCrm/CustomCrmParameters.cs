using System.Text.Json.Serialization;

namespace AriCrmRouter.Crm.CustomCrm;

/// <summary>What the router sends to a custom CRM, as query parameters (GET) or as a JSON body (POST).</summary>
public sealed record CustomCrmParameters(
    [property: JsonPropertyName("field_name")] string FieldName,
    [property: JsonPropertyName("dtmf")] string Dtmf,
    [property: JsonPropertyName("caller_id")] string CallerId,
    [property: JsonPropertyName("did")] string Did);

[JsonSerializable(typeof(CustomCrmParameters))]
internal sealed partial class CustomCrmJsonContext : JsonSerializerContext;

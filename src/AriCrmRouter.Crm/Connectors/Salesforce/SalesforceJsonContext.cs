using System.Text.Json.Serialization;

namespace AriCrmRouter.Crm.Connectors.Salesforce;

/// <summary>Salesforce's token answer (no expires_in: sessions end by the org's timeout).</summary>
internal sealed class SalesforceTokenAnswer
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("instance_url")]
    public string? InstanceUrl { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }
}

[JsonSerializable(typeof(SalesforceTokenAnswer))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class SalesforceJsonContext : JsonSerializerContext;

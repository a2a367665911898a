using System.Text.Json.Serialization;

namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>Pipedrive's OAuth token answer; <c>api_domain</c> is the company's API host.</summary>
internal sealed class PipedriveTokenAnswer
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("api_domain")]
    public string? ApiDomain { get; set; }
}

[JsonSerializable(typeof(PipedriveTokenAnswer))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class PipedriveJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace AriCrmRouter.Crm.Connectors.Zoho;

/// <summary>Zoho's token answer. Errors come back with HTTP 200 and only <c>error</c> set.</summary>
internal sealed class ZohoTokenAnswer
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("api_domain")]
    public string? ApiDomain { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }
}

[JsonSerializable(typeof(ZohoTokenAnswer))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class ZohoJsonContext : JsonSerializerContext;

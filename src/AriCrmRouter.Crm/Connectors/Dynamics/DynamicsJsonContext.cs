using System.Text.Json.Serialization;

namespace AriCrmRouter.Crm.Connectors.Dynamics;

/// <summary>Microsoft Entra ID / AD FS token answer (AD FS and the v1 endpoint send expires_in as a string).</summary>
internal sealed class DynamicsTokenAnswer
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }
}

[JsonSerializable(typeof(DynamicsTokenAnswer))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class DynamicsJsonContext : JsonSerializerContext;

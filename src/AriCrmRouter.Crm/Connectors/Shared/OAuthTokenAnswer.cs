using System.Text.Json.Serialization;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// An OAuth 2 token answer (RFC 6749 5.1) with the fields vendors add: <c>api_domain</c> (Zoho, Pipedrive: the
/// company's API host), <c>instance_url</c> (Salesforce), a rotated <c>refresh_token</c> (Pipedrive). Entra ID v1 and
/// AD FS send <c>expires_in</c> as a string; Salesforce sends none (sessions end by the org's timeout). Zoho reports
/// a refusal with HTTP 200 and only <c>error</c> set.
/// </summary>
internal sealed class OAuthTokenAnswer
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("api_domain")]
    public string? ApiDomain { get; set; }

    [JsonPropertyName("instance_url")]
    public string? InstanceUrl { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary><c>expires_in</c> when the vendor sent a positive one, otherwise <paramref name="otherwise"/>.</summary>
    public TimeSpan? Lifetime(TimeSpan? otherwise) => ExpiresIn is > 0 ? TimeSpan.FromSeconds(ExpiresIn.Value) : otherwise;

    public override string ToString() => "OAuthTokenAnswer (values hidden)";
}

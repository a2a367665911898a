using System.Text.Json.Serialization;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// An OAuth 2 token answer (RFC 6749 5.1) with the fields vendors add: <c>api_domain</c> (Zoho, Pipedrive: the
/// company's API host), <c>instance_url</c> (Salesforce), a rotated <c>refresh_token</c> (Pipedrive). Entra ID v1 and
/// AD FS send <c>expires_in</c> as a string; Salesforce sends none (sessions end by the org's timeout). Zoho reports
/// a refusal with HTTP 200 and only <c>error</c> set, which leaves <see cref="AccessToken"/> empty.
/// </summary>
internal sealed record OAuthTokenAnswer(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("api_domain")] string? ApiDomain,
    [property: JsonPropertyName("instance_url")] string? InstanceUrl)
{
    /// <summary><c>expires_in</c> when the vendor sent a positive one, otherwise <paramref name="otherwise"/>.</summary>
    public TimeSpan? Lifetime(TimeSpan? otherwise) => ExpiresIn is > 0 ? TimeSpan.FromSeconds(ExpiresIn.Value) : otherwise;

    public override string ToString() => "OAuthTokenAnswer (values hidden)";
}

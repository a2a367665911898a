using System.Text.Json.Serialization;

namespace AriCrmRouter.Crm.Connectors.SugarCrm;

/// <summary>The OAuth-Token a SugarCRM login produced; the refresh token is kept beside it for the next refresh.</summary>
internal sealed class SugarCrmToken(string accessToken, string? refreshToken, DateTimeOffset? expiresAt) : IExpiringCredential
{
    public string AccessToken { get; } = accessToken;

    public string? RefreshToken { get; } = refreshToken;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public override string ToString() => "SugarCRM token (hidden)";
}

/// <summary>
/// The body of <c>POST oauth2/token</c>: the password grant sends <see cref="Username"/> and <see cref="Password"/>,
/// the refresh grant <see cref="RefreshToken"/>; unset ones are left out.
/// </summary>
internal sealed record SugarGrant(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("username")] string? Username = null,
    [property: JsonPropertyName("password")] string? Password = null,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken = null)
{
    public override string ToString() => "SugarGrant (values hidden)";
}

[JsonSerializable(typeof(SugarGrant))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class SugarCrmJsonContext : JsonSerializerContext;

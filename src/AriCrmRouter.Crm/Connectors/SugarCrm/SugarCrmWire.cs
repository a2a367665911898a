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

internal sealed record SugarPasswordGrant(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("platform")] string Platform)
{
    public override string ToString() => "SugarPasswordGrant (values hidden)";
}

internal sealed record SugarRefreshGrant(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("platform")] string Platform)
{
    public override string ToString() => "SugarRefreshGrant (values hidden)";
}

internal sealed record SugarTokenAnswer(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken)
{
    public override string ToString() => "SugarTokenAnswer (values hidden)";
}

[JsonSerializable(typeof(SugarPasswordGrant))]
[JsonSerializable(typeof(SugarRefreshGrant))]
[JsonSerializable(typeof(SugarTokenAnswer))]
internal sealed partial class SugarCrmJsonContext : JsonSerializerContext;

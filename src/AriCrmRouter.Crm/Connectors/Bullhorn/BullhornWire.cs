using System.Text.Json.Serialization;

namespace AriCrmRouter.Crm.Connectors.Bullhorn;

/// <summary>A Bullhorn REST session: the BhRestToken and the corporation's restUrl it is valid for.</summary>
internal sealed class BullhornSession(string restToken, Uri restUrl, DateTimeOffset? expiresAt) : IExpiringCredential
{
    public string RestToken { get; } = restToken;

    public Uri RestUrl { get; } = restUrl;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public override string ToString() => "Bullhorn session (hidden)";
}

/// <summary>The user's data centre, from <c>loginInfo</c>.</summary>
internal sealed record BullhornEndpoints(Uri OAuthUrl, Uri RestServices);

internal sealed record BullhornLoginInfoAnswer(
    [property: JsonPropertyName("oauthUrl")] string? OAuthUrl,
    [property: JsonPropertyName("restUrl")] string? RestUrl);

internal sealed record BullhornLoginAnswer(
    [property: JsonPropertyName("BhRestToken")] string? BhRestToken,
    [property: JsonPropertyName("restUrl")] string? RestUrl)
{
    public override string ToString() => "BullhornLoginAnswer (values hidden)";
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(BullhornLoginInfoAnswer))]
[JsonSerializable(typeof(BullhornLoginAnswer))]
internal sealed partial class BullhornJsonContext : JsonSerializerContext;

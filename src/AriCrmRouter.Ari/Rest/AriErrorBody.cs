namespace AriCrmRouter.Ari.Rest;

/// <summary>The body Asterisk sends with an error status: <c>{"message": "Channel not found"}</c> (401 uses <c>error</c>).</summary>
public sealed record AriErrorBody
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }
}

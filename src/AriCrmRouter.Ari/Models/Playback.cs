namespace AriCrmRouter.Ari.Models;

/// <summary>An ARI playback (<c>POST /channels/{id}/play/{playbackId}</c>, and inside playback events).</summary>
/// <remarks>
/// Init accessors turn null into the default: for types with required members the source-generated
/// deserializer passes null for every member missing from the JSON, and optional members must stay non-null.
/// </remarks>
public sealed record Playback
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("media_uri")]
    public string MediaUri { get; init => field = value ?? ""; } = "";

    /// <summary><c>channel:{id}</c> or <c>bridge:{id}</c>.</summary>
    [JsonPropertyName("target_uri")]
    public string TargetUri { get; init => field = value ?? ""; } = "";

    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>queued, playing, continuing, done, failed (recent Asterisk).</summary>
    [JsonPropertyName("state")]
    public string State { get; init => field = value ?? ""; } = "";

    /// <summary>The channel id when the playback targets a channel.</summary>
    [JsonIgnore]
    public string? ChannelId => TargetUri.StartsWith("channel:", StringComparison.Ordinal) ? TargetUri["channel:".Length..] : null;
}

using System.Text.Json.Serialization;

namespace AriCrmRouter.Ari.Models;

/// <summary>An ARI playback (<c>POST /channels/{id}/play/{playbackId}</c>, and inside playback events).</summary>
public sealed record Playback
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("media_uri")]
    public string MediaUri { get; init; } = "";

    /// <summary><c>channel:{id}</c> or <c>bridge:{id}</c>.</summary>
    [JsonPropertyName("target_uri")]
    public string TargetUri { get; init; } = "";

    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>queued, playing, continuing, done, failed (recent Asterisk).</summary>
    [JsonPropertyName("state")]
    public string State { get; init; } = "";

    /// <summary>The channel id when the playback targets a channel.</summary>
    [JsonIgnore]
    public string? ChannelId => TargetUri.StartsWith("channel:", StringComparison.Ordinal) ? TargetUri["channel:".Length..] : null;
}

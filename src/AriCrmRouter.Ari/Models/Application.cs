using System.Text.Json.Serialization;

namespace AriCrmRouter.Ari.Models;

/// <summary>A Stasis application (<c>GET /applications/{name}</c>).</summary>
public sealed record Application
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Channels currently in the application (or subscribed to).</summary>
    [JsonPropertyName("channel_ids")]
    public IReadOnlyList<string> ChannelIds { get; init; } = [];

    [JsonPropertyName("bridge_ids")]
    public IReadOnlyList<string> BridgeIds { get; init; } = [];

    [JsonPropertyName("endpoint_ids")]
    public IReadOnlyList<string> EndpointIds { get; init; } = [];

    [JsonPropertyName("device_names")]
    public IReadOnlyList<string> DeviceNames { get; init; } = [];
}

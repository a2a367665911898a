namespace AriCrmRouter.Ari.Models;

/// <summary>A Stasis application (<c>GET /applications/{name}</c>).</summary>
/// <remarks>
/// Init accessors turn null into the default: for types with required members the source-generated
/// deserializer passes null for every member missing from the JSON, and optional members must stay non-null.
/// </remarks>
public sealed record Application
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Channels currently in the application (or subscribed to).</summary>
    [JsonPropertyName("channel_ids")]
    public IReadOnlyList<string> ChannelIds { get; init => field = value ?? []; } = [];

    [JsonPropertyName("bridge_ids")]
    public IReadOnlyList<string> BridgeIds { get; init => field = value ?? []; } = [];

    [JsonPropertyName("endpoint_ids")]
    public IReadOnlyList<string> EndpointIds { get; init => field = value ?? []; } = [];

    [JsonPropertyName("device_names")]
    public IReadOnlyList<string> DeviceNames { get; init => field = value ?? []; } = [];
}

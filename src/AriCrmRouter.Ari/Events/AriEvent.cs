namespace AriCrmRouter.Ari.Events;

/// <summary>A message from the ARI websocket, decoded by its <c>type</c>.</summary>
/// <remarks>
/// Init accessors turn null into the default: for types with required members the source-generated
/// deserializer passes null for every member missing from the JSON, and optional members must stay non-null.
/// </remarks>
public abstract record AriEvent
{
    [JsonPropertyName("type")]
    public string Type { get; init => field = value ?? ""; } = "";

    [JsonPropertyName("application")]
    public string? Application { get; init; }

    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }

    [JsonPropertyName("asterisk_id")]
    public string? AsteriskId { get; init; }

    /// <summary>The channel this event concerns, used to keep each call's events in one ordered queue.</summary>
    [JsonIgnore]
    public abstract string? ChannelId { get; }
}

/// <summary>Base of events that carry a <c>channel</c>.</summary>
public abstract record ChannelEvent : AriEvent
{
    [JsonPropertyName("channel")]
    public required Channel Channel { get; init; }

    [JsonIgnore]
    public override string? ChannelId => Channel.Id;
}

/// <summary>A channel entered the application; <see cref="Args"/> are the <c>Stasis(app,args...)</c> arguments.</summary>
public sealed record StasisStart : ChannelEvent
{
    [JsonPropertyName("args")]
    public IReadOnlyList<string> Args { get; init => field = value ?? []; } = [];

    [JsonPropertyName("replace_channel")]
    public Channel? ReplaceChannel { get; init; }
}

/// <summary>
/// <c>StasisBroadcast()</c> offers a channel to every application its filter matches (Asterisk 22.7+); the first
/// <c>POST /events/claim</c> wins and that application then gets the channel's <see cref="StasisStart"/>.
/// </summary>
public sealed record CallBroadcast : ChannelEvent
{
    [JsonPropertyName("caller")]
    public string? Caller { get; init; }

    [JsonPropertyName("called")]
    public string? Called { get; init; }
}

/// <summary>A channel left the application (continued, hung up, moved).</summary>
public sealed record StasisEnd : ChannelEvent;

public sealed record ChannelDtmfReceived : ChannelEvent
{
    [JsonPropertyName("digit")]
    public string Digit { get; init => field = value ?? ""; } = "";

    [JsonPropertyName("duration_ms")]
    public int DurationMs { get; init; }
}

public sealed record ChannelHangupRequest : ChannelEvent
{
    [JsonPropertyName("cause")]
    public int Cause { get; init; }

    [JsonPropertyName("soft")]
    public bool Soft { get; init; }
}

public sealed record ChannelDestroyed : ChannelEvent
{
    [JsonPropertyName("cause")]
    public int Cause { get; init; }

    [JsonPropertyName("cause_txt")]
    public string CauseText { get; init => field = value ?? ""; } = "";
}

public sealed record ChannelStateChange : ChannelEvent;

/// <summary>Base of events that carry a <c>playback</c>.</summary>
public abstract record PlaybackEvent : AriEvent
{
    [JsonPropertyName("playback")]
    public required Playback Playback { get; init; }

    [JsonIgnore]
    public override string? ChannelId => Playback.ChannelId;
}

public sealed record PlaybackStarted : PlaybackEvent;

public sealed record PlaybackFinished : PlaybackEvent;

/// <summary>Another websocket took over this application name; this connection no longer receives its calls.</summary>
public sealed record ApplicationReplaced : AriEvent
{
    [JsonIgnore]
    public override string? ChannelId => null;
}

/// <summary>Any event type this client does not model; tolerated and ignored by the router.</summary>
public sealed record UnknownAriEvent : AriEvent
{
    [JsonIgnore]
    public override string? ChannelId => null;
}

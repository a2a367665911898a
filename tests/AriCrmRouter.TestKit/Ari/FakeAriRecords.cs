namespace AriCrmRouter.TestKit.Ari;

/// <summary>
/// A REST request the fake ARI received. <see cref="Path"/> is relative to <c>/ari</c> and decoded
/// (<c>/channels/1.2/answer</c>); <see cref="RawTarget"/> is exactly what went over the wire, escapes and query included.
/// </summary>
public sealed record FakeAriCommand(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string RawTarget,
    string? Authorization,
    string? Body = null)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Where <c>continue</c> sent a channel.</summary>
public sealed record FakeDialplanLanding(string Context, string Extension, int Priority);

/// <summary>A channel as the fake ARI currently sees it.</summary>
public sealed record FakeChannelSnapshot(
    string Id,
    string Name,
    string State,
    string CallerNumber,
    string Exten,
    IReadOnlyList<string> Args,
    bool InStasis,
    bool IsHungUp,
    IReadOnlyDictionary<string, string> Variables,
    FakeDialplanLanding? Landing,
    IReadOnlyList<string> ActivePlaybackIds);

/// <summary>A playback as the fake ARI currently sees it (state <c>playing</c>, <c>done</c> or <c>failed</c>).</summary>
public sealed record FakePlaybackSnapshot(string Id, string ChannelId, string MediaUri, string State);

/// <summary>An event the fake ARI sent (or would have sent: no client was connected) to the application.</summary>
/// <remarks><see cref="Filtered"/>: the application's event filter kept it from every client (<c>PUT /applications/{app}/eventFilter</c>).</remarks>
public sealed record FakeAriSentEvent(string Type, string? ChannelId, string Json, int DeliveredToClients, bool Filtered = false);

/// <summary>A consistent picture of the fake ARI at one moment, for assertions and waits.</summary>
public sealed record FakeAriState(
    IReadOnlyDictionary<string, FakeChannelSnapshot> Channels,
    IReadOnlyDictionary<string, FakePlaybackSnapshot> Playbacks,
    IReadOnlyList<FakeAriCommand> Commands,
    IReadOnlyList<FakeAriSentEvent> SentEvents,
    int ConnectedClients,
    int TotalConnections)
{
    public FakeChannelSnapshot Channel(string channelId) =>
        Channels.TryGetValue(channelId, out var channel) ? channel : throw new KeyNotFoundException($"The fake ARI has no channel '{channelId}'.");
}

/// <summary>A failure the fake ARI answers instead of handling matching requests.</summary>
internal sealed class FakeAriFailure(Func<FakeAriCommand, bool> matches, HttpStatusCode status, string message, int remaining)
{
    public Func<FakeAriCommand, bool> Matches { get; } = matches;

    public HttpStatusCode Status { get; } = status;

    public string Message { get; } = message;

    public int Remaining { get; set; } = remaining;
}

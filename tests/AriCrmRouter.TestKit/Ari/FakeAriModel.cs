namespace AriCrmRouter.TestKit.Ari;

/// <summary>The mutable channel kept by the fake ARI; only touched under the server's lock.</summary>
internal sealed class FakeChannel
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string CallerNumber { get; init; }

    public string CallerName { get; init; } = "";

    public required string Exten { get; init; }

    public required string Context { get; init; }

    public required IReadOnlyList<string> Args { get; set; }

    /// <summary>The Stasis application the channel is in when it is not the one this fake serves (another router's).</summary>
    public string? OtherApplication { get; set; }

    public required string CreationTime { get; init; }

    public required int StasisPriority { get; init; }

    public string State { get; set; } = "Ring";

    public bool InStasis { get; set; } = true;

    public bool IsHungUp { get; set; }

    public FakeDialplanLanding? Landing { get; set; }

    /// <summary><c>continue</c> was accepted while a playback ran: Asterisk leaves Stasis only when the playback ends.</summary>
    public FakeDialplanLanding? PendingContinue { get; set; }

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public List<string> ActivePlaybacks { get; } = [];

    public FakeChannelSnapshot Snapshot() => new(
        Id,
        Name,
        State,
        CallerNumber,
        Exten,
        Args,
        InStasis,
        IsHungUp,
        new Dictionary<string, string>(Variables, StringComparer.Ordinal),
        Landing,
        [.. ActivePlaybacks]);
}

internal sealed class FakePlayback
{
    public required string Id { get; init; }

    public required string ChannelId { get; init; }

    public required string MediaUri { get; init; }

    public string State { get; set; } = "queued";

    public FakePlaybackSnapshot Snapshot() => new(Id, ChannelId, MediaUri, State);
}

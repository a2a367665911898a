namespace AriCrmRouter.TestKit.Ari;

/// <summary>What a test does to the fake's calls: a caller enters Stasis, presses digits, hangs up; playbacks end.</summary>
public sealed partial class FakeAriServer
{
    /// <summary>A channel from <paramref name="callerNumber"/> to <paramref name="exten"/> enters Stasis (state Ring) with <paramref name="args"/>; StasisStart is sent.</summary>
    public Task<string> StartCallAsync(string callerNumber, string exten, params string[] args)
    {
        lock (_gate)
        {
            var channel = CreateChannel(callerNumber, exten, args);
            EmitStasisStart(channel);
            return Task.FromResult(channel.Id);
        }
    }

    /// <summary>A channel that entered Stasis while the router was away: in the application, but no StasisStart was delivered.</summary>
    public string AddChannelWithoutEvent(string callerNumber, string exten, params string[] args)
    {
        lock (_gate)
        {
            return CreateChannel(callerNumber, exten, args).Id;
        }
    }

    /// <summary>Changes a channel's state silently (e.g. an already answered channel for recovery tests).</summary>
    public void SetChannelState(string channelId, string state)
    {
        lock (_gate)
        {
            RequireChannel(channelId).State = state;
        }
    }

    /// <summary>The caller presses <paramref name="digit"/>: ChannelDtmfReceived.</summary>
    public Task SendDtmfAsync(string channelId, string digit, int durationMs = 120)
    {
        lock (_gate)
        {
            var channel = RequireChannel(channelId);
            EmitChannelEvent("ChannelDtmfReceived", channel, w =>
            {
                w.WriteString("digit", digit);
                w.WriteNumber("duration_ms", durationMs);
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>The caller hangs up: ChannelHangupRequest, PlaybackFinished for running playbacks, StasisEnd, ChannelDestroyed.</summary>
    public Task CallerHangsUpAsync(string channelId)
    {
        lock (_gate)
        {
            HangUp(RequireChannel(channelId), soft: false, cause: 16);
        }

        return Task.CompletedTask;
    }

    /// <summary>The playback reaches its end: PlaybackFinished (state done); a pending <c>continue</c> then completes.</summary>
    public Task FinishPlaybackAsync(string playbackId)
    {
        lock (_gate)
        {
            if (!_playbacks.TryGetValue(playbackId, out var playback) || playback.State is "done" or "failed")
            {
                throw new InvalidOperationException($"The fake ARI has no running playback '{playbackId}'.");
            }

            FinishPlayback(playback, "done");
        }

        return Task.CompletedTask;
    }

    /// <summary>Playing <paramref name="media"/> fails (PlaybackStarted then PlaybackFinished with state failed), like a missing sound file.</summary>
    public void MarkMediaMissing(string media)
    {
        lock (_gate)
        {
            _missingMedia.Add(media);
        }
    }

    public FakeChannelSnapshot? GetChannel(string channelId)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channelId, out var channel) ? channel.Snapshot() : null;
        }
    }

    private FakeChannel CreateChannel(string callerNumber, string exten, string[] args)
    {
        var now = _timeProvider.GetUtcNow();
        var sequence = ++_channelSequence;
        var channel = new FakeChannel
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{now.ToUnixTimeSeconds()}.{sequence}"),
            Name = string.Create(CultureInfo.InvariantCulture, $"PJSIP/trunk-{sequence:x8}"),
            CallerNumber = callerNumber,
            Exten = exten,
            Context = DefaultContext,
            StasisPriority = StasisPriority,
            Args = [.. args],
            CreationTime = FakeAriJson.Timestamp(now),
        };
        _channels.Add(channel.Id, channel);
        return channel;
    }

    /// <summary>The channel entered this fake's application: StasisStart with the channel's arguments.</summary>
    private void EmitStasisStart(FakeChannel channel) =>
        EmitChannelEvent("StasisStart", channel, w =>
        {
            w.WriteStartArray("args");
            foreach (var arg in channel.Args)
            {
                w.WriteStringValue(arg);
            }

            w.WriteEndArray();
        });

    private FakeChannel RequireChannel(string channelId) =>
        _channels.TryGetValue(channelId, out var channel) && !channel.IsHungUp
            ? channel
            : throw new InvalidOperationException($"The fake ARI has no live channel '{channelId}'.");
}

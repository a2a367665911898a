namespace AriCrmRouter.TestKit.Ari;

/// <summary>How the fake's channels and playbacks change state (playbacks finishing, leaving Stasis, hanging up) and the events each change emits.</summary>
public sealed partial class FakeAriServer
{
    private void EmitChannelEvent(string type, FakeChannel channel, Action<Utf8JsonWriter>? body = null)
    {
        var application = ServesPeerApplications ? channel.OtherApplication ?? Application : Application;
        var json = FakeAriJson.Event(type, _timeProvider.GetUtcNow(), application, AsteriskId, w =>
        {
            body?.Invoke(w);
            w.WritePropertyName("channel");
            FakeAriJson.WriteChannel(w, channel, application);
        });
        Deliver(type, channel.Id, json);
    }

    private void EmitPlaybackEvent(string type, FakePlayback playback)
    {
        var json = FakeAriJson.Event(type, _timeProvider.GetUtcNow(), Application, AsteriskId, w =>
        {
            w.WritePropertyName("playback");
            FakeAriJson.WritePlayback(w, playback);
        });
        Deliver(type, playback.ChannelId, json);
    }

    private void StartPlayback(FakeChannel channel, FakePlayback playback)
    {
        _playbacks[playback.Id] = playback;
        channel.ActivePlaybacks.Add(playback.Id);
        playback.State = "playing";
        EmitPlaybackEvent("PlaybackStarted", playback);
        if (_missingMedia.Contains(playback.MediaUri))
        {
            FinishPlayback(playback, "failed");
        }
        else if (PlaybackAutoFinishAfter == TimeSpan.Zero)
        {
            FinishPlayback(playback, "done");
        }
        else if (PlaybackAutoFinishAfter is { } after)
        {
            _ = FinishLaterAsync(playback.Id, after);
        }
    }

    private async Task FinishLaterAsync(string playbackId, TimeSpan after)
    {
        try
        {
            await Task.Delay(after, _timeProvider, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_gate)
        {
            if (_playbacks.TryGetValue(playbackId, out var playback) && playback.State == "playing")
            {
                FinishPlayback(playback, "done");
            }
        }
    }

    private void FinishPlayback(FakePlayback playback, string finalState)
    {
        playback.State = finalState;
        var channel = _channels[playback.ChannelId];
        channel.ActivePlaybacks.Remove(playback.Id);
        if (channel.InStasis)
        {
            EmitPlaybackEvent("PlaybackFinished", playback);
        }

        // Measured on Asterisk 22: continue answers at once, but the channel leaves Stasis only when its playback ends.
        if (channel.PendingContinue is { } landing && channel.ActivePlaybacks.Count == 0)
        {
            LeaveStasis(channel, landing);
        }
    }

    private void LeaveStasis(FakeChannel channel, FakeDialplanLanding landing)
    {
        channel.PendingContinue = null;
        EmitChannelEvent("StasisEnd", channel);
        channel.InStasis = false;
        channel.Landing = landing;
    }

    private void HangUp(FakeChannel channel, bool soft, int cause)
    {
        var appSees = channel.InStasis;
        channel.PendingContinue = null;
        if (appSees)
        {
            EmitChannelEvent("ChannelHangupRequest", channel, w =>
            {
                w.WriteNumber("cause", cause);
                if (soft)
                {
                    w.WriteBoolean("soft", true);
                }
            });
        }

        foreach (var playbackId in channel.ActivePlaybacks.ToList())
        {
            FinishPlayback(_playbacks[playbackId], "done");
        }

        if (channel.InStasis)
        {
            EmitChannelEvent("StasisEnd", channel);
            channel.InStasis = false;
        }

        channel.IsHungUp = true;
        if (appSees)
        {
            EmitChannelEvent("ChannelDestroyed", channel, w =>
            {
                w.WriteNumber("cause", cause);
                w.WriteString("cause_txt", cause == 16 ? "Normal Clearing" : "Unknown");
            });
        }
    }
}

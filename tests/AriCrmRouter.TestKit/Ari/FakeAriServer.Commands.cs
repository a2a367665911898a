namespace AriCrmRouter.TestKit.Ari;

/// <summary>The channel and playback commands with Asterisk's effects: answer, play, variables, continue, stop.</summary>
public sealed partial class FakeAriServer
{
    private (int, string?) Answer(FakeChannel channel)
    {
        if (channel.State != "Up")
        {
            channel.State = "Up";
            EmitChannelEvent("ChannelStateChange", channel);
        }

        return NoContent();
    }

    private (int, string?) Play(FakeChannel channel, string playbackId, FakeAriCommand command)
    {
        if (command.QueryValue("media") is not { Length: > 0 } media)
        {
            return (StatusCodes.Status400BadRequest, FakeAriJson.Error("media: Missing required parameter"));
        }

        if (_playbacks.TryGetValue(playbackId, out var existing) && existing.State == "playing")
        {
            return (StatusCodes.Status409Conflict, FakeAriJson.Error("Playback id already in use"));
        }

        var playback = new FakePlayback { Id = playbackId, ChannelId = channel.Id, MediaUri = media };
        var created = FakeAriJson.Playback(playback);

        // Asterisk often sends PlaybackStarted before the HTTP answer: emit first so clients must be ready for it.
        StartPlayback(channel, playback);
        return (StatusCodes.Status201Created, created);
    }

    private (int, string?) SetVariable(FakeChannel channel, FakeAriCommand command)
    {
        if (command.QueryValue("variable") is not { Length: > 0 } name)
        {
            return (StatusCodes.Status400BadRequest, FakeAriJson.Error("Variable name is required"));
        }

        var value = command.QueryValue("value") ?? "";
        channel.Variables[name] = value;

        // Asterisk echoes every variable set on a channel in Stasis to the application.
        EmitChannelEvent("ChannelVarset", channel, w =>
        {
            w.WriteString("variable", name);
            w.WriteString("value", value);
        });
        return NoContent();
    }

    private (int, string?) GetVariable(string channelId, FakeAriCommand command)
    {
        if (LiveChannel(channelId) is not { } channel)
        {
            return NotFound(ChannelNotFound);
        }

        return command.QueryValue("variable") is { } name && channel.Variables.TryGetValue(name, out var value)
            ? Ok(FakeAriJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("value", value);
                w.WriteEndObject();
            }))
            : NotFound("Provided variable was not found");
    }

    private (int, string?) Continue(FakeChannel channel, FakeAriCommand command)
    {
        var context = command.QueryValue("context") is { Length: > 0 } c ? c : channel.Context;
        var extension = command.QueryValue("extension") is { Length: > 0 } e ? e : channel.Exten;
        var priority = channel.StasisPriority + 1;
        if (command.QueryValue("priority") is { Length: > 0 } p)
        {
            if (!int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out priority))
            {
                return (StatusCodes.Status400BadRequest, FakeAriJson.Error("priority: must be an integer"));
            }
        }
        else if (command.QueryValue("extension") is { Length: > 0 })
        {
            priority = 1;
        }

        var landing = new FakeDialplanLanding(context, extension, priority);
        if (channel.ActivePlaybacks.Count > 0)
        {
            channel.PendingContinue = landing;
        }
        else
        {
            LeaveStasis(channel, landing);
        }

        return NoContent();
    }

    private (int, string?) StopPlayback(string playbackId)
    {
        if (!_playbacks.TryGetValue(playbackId, out var playback) || playback.State != "playing")
        {
            return NotFound("Playback not found");
        }

        FinishPlayback(playback, "done");
        return NoContent();
    }
}

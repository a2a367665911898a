namespace AriCrmRouter.TestKit.Ari;

/// <summary>
/// <c>StasisBroadcast()</c> as Asterisk 22.7+ does it: the channel is offered with a CallBroadcast event, the first
/// <c>POST /events/claim</c> wins (204) and gets the StasisStart, a later claim gets 409, a channel not on offer 404.
/// </summary>
public sealed partial class FakeAriServer
{
    private readonly HashSet<string> _broadcast = new(StringComparer.Ordinal);
    private readonly HashSet<string> _onOffer = new(StringComparer.Ordinal);

    /// <summary>
    /// A channel from <paramref name="callerNumber"/> to <paramref name="exten"/> is offered to the application
    /// (CallBroadcast); it enters Stasis with <paramref name="args"/> when claimed. With
    /// <paramref name="claimedElsewhere"/> another application has already won it, so a claim gets 409.
    /// </summary>
    public string BroadcastCall(string callerNumber, string exten, bool claimedElsewhere = false, params string[] args)
    {
        lock (_gate)
        {
            var channel = CreateChannel(callerNumber, exten, args);
            channel.InStasis = false;
            _broadcast.Add(channel.Id);
            if (!claimedElsewhere)
            {
                _onOffer.Add(channel.Id);
            }

            EmitChannelEvent("CallBroadcast", channel, w =>
            {
                w.WriteString("caller", callerNumber);
                w.WriteString("called", exten);
            });
            return channel.Id;
        }
    }

    private (int, string?) Claim(FakeAriCommand command)
    {
        if (!command.Query.TryGetValue("channelId", out var channelId) || !command.Query.TryGetValue("application", out var application))
        {
            return (StatusCodes.Status400BadRequest, FakeAriJson.Error("channelId and application are required"));
        }

        if (LiveChannel(channelId) is not { } channel || !_broadcast.Contains(channelId))
        {
            return NotFound("Channel not found or not in broadcast state");
        }

        if (!_onOffer.Remove(channelId))
        {
            return (StatusCodes.Status409Conflict, FakeAriJson.Error("Channel has already been claimed by another application"));
        }

        if (application != Application)
        {
            // Claimed by an application this fake does not serve: the channel is gone from this fake's view.
            return NoContent();
        }

        channel.InStasis = true;
        EmitStasisStart(channel);
        return NoContent();
    }
}

/// <summary>Other routers' applications on the same Asterisk, and <c>POST /channels/{id}/move</c> between them.</summary>
public sealed partial class FakeAriServer
{
    /// <summary>A channel waiting in another router's application <paramref name="application"/> (no event reaches this fake's client).</summary>
    public string AddChannelInOtherApplication(string application, string callerNumber, string exten, params string[] args)
    {
        lock (_gate)
        {
            var channel = CreateChannel(callerNumber, exten, args);
            channel.OtherApplication = application;
            return channel.Id;
        }
    }

    private (int, string?) OtherApplication(string name)
    {
        var channels = _channels.Values.Where(c => c.OtherApplication == name && c.InStasis && !c.IsHungUp).Select(c => c.Id).ToList();
        return channels.Count > 0 ? Ok(FakeAriJson.Application(name, channels)) : NotFound("Application not found");
    }

    private (int, string?) Move(FakeChannel channel, FakeAriCommand command)
    {
        var target = command.QueryValue("app");
        if (string.IsNullOrEmpty(target))
        {
            return (StatusCodes.Status400BadRequest, FakeAriJson.Error("app is required"));
        }

        var args = command.QueryValue("appArgs") is { Length: > 0 } text ? text.Split(',') : [];
        channel.Args = args;
        if (target != Application)
        {
            channel.OtherApplication = target;
            if (HasPeerSubscriber(target))
            {
                EmitStasisStart(channel);
            }

            return NoContent();
        }

        channel.OtherApplication = null;
        EmitStasisStart(channel);
        return NoContent();
    }
}

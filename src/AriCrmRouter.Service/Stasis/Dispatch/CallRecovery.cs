namespace AriCrmRouter.Service.Stasis.Dispatch;

/// <summary>
/// Finds the channels in the application that no session holds and starts one for each: on every (re)connect
/// (Asterisk discarded their events while the websocket was down) and at every sweep (a call whose routing failed,
/// a lost StasisStart).
/// </summary>
internal sealed class CallRecovery(CallRegistry calls, CallServices services, IOptions<AriOptions> ariOptions, ILogger<CallDispatcher> logger)
{
    private volatile bool _connected;
    private HashSet<string> _orphansLastSweep = [];

    private string Application => ariOptions.Value.Application;

    /// <summary>True while the event websocket is up (this router can take calls into its application).</summary>
    public bool IsConnected => _connected;

    public void Connected()
    {
        _connected = true;
        _ = Task.Run(RecoverAsync);
    }

    public void Disconnected() => _connected = false;

    /// <summary>
    /// One sweep (<c>Routing:SweepInterval</c>): routes the channels in the application that no session holds. A
    /// channel is taken only when the previous sweep saw it without a session too, so a StasisStart that is merely
    /// on its way is never raced. Skipped while the websocket is down (the reconnect recovers those calls).
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (!_connected)
        {
            _orphansLastSweep = [];
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(services.Options.SweepInterval);
        var orphans = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channelId in await ChannelsWithoutSessionAsync(timeout.Token))
        {
            if (!_orphansLastSweep.Contains(channelId))
            {
                orphans.Add(channelId);
            }
            else if (await AdoptAsync(channelId, timeout.Token))
            {
                Log.Swept(logger, channelId, Application);
            }
        }

        _orphansLastSweep = orphans;
    }

    private async Task RecoverAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(services.Options.RecoveryTimeout, services.Time);
            var recovered = 0;
            foreach (var channelId in await ChannelsWithoutSessionAsync(timeout.Token))
            {
                if (await AdoptAsync(channelId, timeout.Token))
                {
                    recovered++;
                }
            }

            if (recovered > 0)
            {
                Log.Recovered(logger, recovered, Application);
            }
        }
        catch (Exception ex)
        {
            Log.RecoveryFailed(logger, ex, Application);
        }
    }

    private async Task<IEnumerable<string>> ChannelsWithoutSessionAsync(CancellationToken cancellationToken)
    {
        var app = await services.Ari.GetApplicationAsync(Application, cancellationToken);
        return (app?.ChannelIds ?? []).Where(channelId => !calls.Holds(channelId));
    }

    /// <summary>Starts a session for a channel found in the application (its StasisStart was lost or its session ended).</summary>
    private async Task<bool> AdoptAsync(string channelId, CancellationToken cancellationToken)
    {
        var channel = await services.Ari.GetChannelAsync(channelId, cancellationToken);
        if (channel is null || !channel.Dialplan.IsInStasis)
        {
            return false;
        }

        var start = new StasisStart
        {
            Type = "StasisStart",
            Application = Application,
            Channel = channel,
            Args = channel.Dialplan.StasisArgs,
        };
        return calls.Start(start, calls.IsDraining ? CallEntry.Draining : CallEntry.Recovered);
    }
}

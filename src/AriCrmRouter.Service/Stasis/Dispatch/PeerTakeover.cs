using AriCrmRouter.Storage.Routers;

namespace AriCrmRouter.Service.Stasis.Dispatch;

/// <summary>
/// Takes over the calls of a router that died (<c>HighAvailability:Peers</c>), on one Asterisk server (one per
/// server scope). At every sweep this router says it is alive on this server (a Redis key that lives two sweep
/// intervals); for each peer that stopped saying so, every channel still in the peer's application is leased in Redis
/// (SET NX on server and channel, so exactly one survivor takes it) and moved into this router's application, where
/// its StasisStart starts an ordinary call session. With Redis unreachable nothing is taken: no lease, no move.
/// </summary>
internal sealed class PeerTakeover(
    CallServices services,
    CallRecovery recovery,
    RedisRouterLeases leases,
    AriServerContext server,
    IOptions<AriOptions> ariOptions,
    IOptions<HighAvailabilityOptions> options,
    ILogger<CallDispatcher> logger)
{
    private readonly string _application = ariOptions.Value.Application;

    private List<string> Peers => [.. options.Value.Peers.Where(peer => !string.Equals(peer, _application, StringComparison.Ordinal))];

    /// <summary>Says that this router is alive (at start, before it can take calls, so that no peer mistakes it for dead).</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        if (Peers.Count > 0)
        {
            await leases.BeatAsync(server.Name, _application, services.Options.SweepInterval * 2, cancellationToken);
        }
    }

    /// <summary>Says that this router is alive and, while it is connected, takes the calls of the peers that are not.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var peers = Peers;
        if (peers.Count == 0)
        {
            return;
        }

        await leases.BeatAsync(server.Name, _application, services.Options.SweepInterval * 2, cancellationToken);
        if (!recovery.IsConnected)
        {
            return; // a call moved into an application nobody listens to would only wait there
        }

        foreach (var peer in peers)
        {
            if (!await leases.IsAliveAsync(server.Name, peer, cancellationToken))
            {
                await TakeCallsOfAsync(peer, cancellationToken);
            }
        }
    }

    private async Task TakeCallsOfAsync(string peer, CancellationToken cancellationToken)
    {
        var application = await services.Ari.GetApplicationAsync(peer, cancellationToken);
        foreach (var channelId in application?.ChannelIds ?? [])
        {
            if (!await leases.TryTakeAsync(server.Name, channelId, _application, options.Value.TakeoverLease, cancellationToken)
                || await services.Ari.GetChannelAsync(channelId, cancellationToken) is not { } channel)
            {
                continue;
            }

            var args = channel.Dialplan.StasisArgs;
            if (await services.Ari.MoveAsync(channelId, _application, args, cancellationToken))
            {
                Log.PeerCallTaken(logger, channelId, peer, _application);
            }
        }
    }
}

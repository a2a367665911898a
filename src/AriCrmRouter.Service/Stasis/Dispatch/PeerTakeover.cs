using AriCrmRouter.Ari;
using AriCrmRouter.Service.Stasis.Lookup;
using AriCrmRouter.Service.Stasis.Session;
using AriCrmRouter.Storage.Routers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Service.Stasis.Dispatch;

/// <summary>
/// Takes over the calls of a router that died (<c>HighAvailability:Peers</c>). At every sweep this router says it is
/// alive (a Redis key that lives two sweep intervals); for each peer that stopped saying so, every channel still in
/// the peer's application is leased in Redis (SET NX, so exactly one survivor takes it) and moved into this router's
/// application, where its StasisStart starts an ordinary call session. With Redis unreachable nothing is taken:
/// no lease, no move.
/// </summary>
internal sealed class PeerTakeover(
    CallServices services,
    RedisRouterLeases leases,
    IOptions<AriOptions> ariOptions,
    IOptions<HighAvailabilityOptions> options,
    ILogger<CallDispatcher> logger)
{
    private readonly string _application = ariOptions.Value.Application;

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var peers = options.Value.Peers.Where(peer => !string.Equals(peer, _application, StringComparison.Ordinal)).ToList();
        if (peers.Count == 0)
        {
            return;
        }

        await leases.BeatAsync(_application, services.Options.SweepInterval * 2, cancellationToken);
        foreach (var peer in peers)
        {
            if (!await leases.IsAliveAsync(peer, cancellationToken))
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
            if (!await leases.TryTakeAsync(channelId, _application, options.Value.TakeoverLease, cancellationToken)
                || await services.Ari.GetChannelAsync(channelId, cancellationToken) is not { } channel)
            {
                continue;
            }

            var args = RuleResolver.ArgsFromAppData(channel.Dialplan.AppData);
            if (await services.Ari.MoveAsync(channelId, _application, args, cancellationToken))
            {
                Log.PeerCallTaken(logger, channelId, peer, _application);
            }
        }
    }
}

using AriCrmRouter.Ari.Transport;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Service.Stasis.Dispatch;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Service.Hosting;

/// <summary>
/// Runs the Stasis application: keeps the ARI event connection up (reconnecting forever) and feeds the call
/// dispatcher. On shutdown it stops taking new calls into the flow, lets calls in hand finish for the drain
/// time, sends the rest to their default destinations, cancels the CRM requests nobody waits for any more,
/// and only then closes the connection.
/// </summary>
internal sealed class StasisApplication(AriEventConnection connection, CallDispatcher dispatcher, CrmLookupService lookups, IOptions<RouterOptions> options)
    : BackgroundService
{
    private readonly CancellationTokenSource _connectionStop = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await dispatcher.DrainAsync(options.Value.DrainTimeout, cancellationToken);
        await lookups.StopAsync(); // requests of calls that were sent on without their answer
        await _connectionStop.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _connectionStop.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => connection.RunAsync(dispatcher, _connectionStop.Token);
}

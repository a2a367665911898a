namespace AriCrmRouter.Service.Hosting;

/// <summary>
/// Runs the Stasis application on every Asterisk server: keeps each server's ARI event connection up (reconnecting
/// forever, each on its own, so a server that is down never holds up the others) and feeds that server's call
/// dispatcher. On shutdown every server stops taking new calls into the flow and lets its calls in hand finish for
/// the drain time, the rest go to their default destinations, the CRM requests nobody waits for any more are
/// cancelled, and only then are the connections closed.
/// </summary>
internal sealed class StasisApplication(AriServers servers, CrmLookupService lookups, IOptions<RouterOptions> options, ILogger<StasisApplication> logger)
    : BackgroundService
{
    private readonly CancellationTokenSource _connectionStop = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(servers.All.Select(server => server.Dispatcher.DrainAsync(options.Value.DrainTimeout, cancellationToken)));
        await lookups.StopAsync(); // requests of calls that were sent on without their answer
        await _connectionStop.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _connectionStop.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(servers.All.Select(RunAsync));

    private async Task RunAsync(AriServerScope server)
    {
        // Every line logged for this server's connection and calls (they start from its receive loop) names it.
        using var scope = Log.ServerScope(logger, server.Name);
        await server.Connection.RunAsync(server.Dispatcher, _connectionStop.Token);
    }
}

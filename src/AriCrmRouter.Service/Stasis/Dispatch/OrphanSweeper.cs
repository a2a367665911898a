namespace AriCrmRouter.Service.Stasis.Dispatch;

/// <summary>
/// Runs <see cref="CallDispatcher.SweepAsync"/> of every Asterisk server every <c>Routing:SweepInterval</c>: no channel
/// stays in the application without a session that routes it (a failed routing attempt, a lost StasisStart), so the
/// dialplan's guard is never what ends a call. Then <see cref="PeerTakeover"/> takes the calls of other routers that
/// died. Each server is swept on its own timer, so a server that is slow to answer never delays another's sweep.
/// </summary>
internal sealed class OrphanSweeper(AriServers servers, IOptions<RouterOptions> options, TimeProvider time, ILogger<OrphanSweeper> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(servers.All.Select(server => SweepAsync(server, stoppingToken)));

    private async Task SweepAsync(AriServerScope server, CancellationToken stoppingToken)
    {
        using var scope = Log.ServerScope(logger, server.Name);
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            await server.Takeover.BeatAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Log.PeerTakeoverFailed(logger, ex);
        }

        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await server.Dispatcher.SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.SweepFailed(logger, ex);
                }

                try
                {
                    await server.Takeover.SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.PeerTakeoverFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }
}

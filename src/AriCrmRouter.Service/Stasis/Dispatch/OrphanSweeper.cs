using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Service.Stasis.Dispatch;

/// <summary>
/// Runs <see cref="CallDispatcher.SweepAsync"/> every <c>Routing:SweepInterval</c>: no channel stays in the
/// application without a session that routes it (a failed routing attempt, a lost StasisStart), so the dialplan's
/// guard is never what ends a call. Then <see cref="PeerTakeover"/> takes the calls of other routers that died.
/// </summary>
internal sealed class OrphanSweeper(CallDispatcher dispatcher, PeerTakeover peers, IOptions<RouterOptions> options, TimeProvider time, ILogger<OrphanSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            await peers.BeatAsync(stoppingToken);
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
                    await dispatcher.SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.SweepFailed(logger, ex);
                }

                try
                {
                    await peers.SweepAsync(stoppingToken);
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

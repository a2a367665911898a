using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Service.Stasis;

/// <summary>
/// Runs <see cref="CallDispatcher.SweepAsync"/> every <c>Routing:SweepInterval</c>: no channel stays in the
/// application without a session that routes it (a failed routing attempt, a lost StasisStart), so the dialplan's
/// guard is never what ends a call.
/// </summary>
internal sealed partial class OrphanSweeper(CallDispatcher dispatcher, IOptions<RouterOptions> options, TimeProvider time, ILogger<OrphanSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
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
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Sweeping the application for channels without a call session failed; trying again at the next interval")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}

using AriCrmRouter.Ari.Transport;

namespace AriCrmRouter.Bench.NullApp;

/// <summary>Runs the ARI event connection and the continue loop until the host stops.</summary>
internal sealed class NullAppService(AriEventConnection connection, ContinueOnStasisStart sink) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(connection.RunAsync(sink, stoppingToken), sink.RunAsync(stoppingToken));
}

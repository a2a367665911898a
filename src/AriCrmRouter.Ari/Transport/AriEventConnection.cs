namespace AriCrmRouter.Ari.Transport;

/// <summary>
/// The ARI events websocket (<c>/ari/events?app=...</c>), kept connected forever: one
/// <see cref="AriWebSocketConnection"/> per attempt, waited for by <see cref="AriReconnectPolicy"/> (Polly), the
/// messages handed to the sink by <see cref="AriEventDelivery"/>. After each connect the application's event filter is
/// set to the sink's <see cref="IAriEventSink.HandledEventTypes"/> (<see cref="AriEventFilter"/>).
/// </summary>
/// <remarks>
/// Registration is not verified with <c>GET /applications/{app}</c> after connecting: Asterisk registers the
/// application while it handles the upgrade request and refuses the upgrade when the app name is invalid, so
/// an open socket already means "registered". The check would also race with <c>ApplicationReplaced</c>.
/// The sink's <see cref="IAriEventSink.OnConnected"/> recovery reads that resource anyway (channel_ids).
/// </remarks>
public sealed class AriEventConnection(IOptions<AriOptions> options, TimeProvider timeProvider, ILogger<AriEventConnection> logger, AriConnectionMonitor? monitor = null, IAriClient? ari = null)
{
    /// <summary>Connects, delivers events to <paramref name="sink"/> in the order received and reconnects until cancelled.</summary>
    public async Task RunAsync(IAriEventSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var settings = options.Value;
        var reconnect = AriReconnectPolicy.Create(settings, timeProvider, logger);
        var filter = new AriEventFilter(ari, settings, logger);
        var everConnected = false;
        var attempt = 0;

        async ValueTask<TimeSpan?> ConnectOnceAsync(CancellationToken token)
        {
            var delivery = new AriEventDelivery(sink, settings, isReconnect: everConnected, monitor, logger);
            var heldFor = await new AriWebSocketConnection(settings, delivery, timeProvider, monitor, logger)
                .RunAsync(++attempt, t => filter.ApplyAsync(sink.HandledEventTypes, t), token);
            everConnected |= heldFor is not null;
            return heldFor;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await reconnect.ExecuteAsync(ConnectOnceAsync, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        Log.Stopped(logger, settings.Application);
    }
}

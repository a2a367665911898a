using System.Threading.Channels;

namespace AriCrmRouter.Service.Stasis.Session;

/// <summary>
/// One call's event queue, handled strictly in arrival order, turned into what the flow waits for: keys pressed,
/// playbacks finished, the caller gone. After a reconnect (<see cref="TransportResumed"/>) it resyncs: a vanished
/// channel counts as gone, and a running greeting is cut short because its PlaybackFinished may be lost.
/// </summary>
internal sealed class CallEventPump(CallServices services, PlaybackRegistry playbacks, string channelId) : IDisposable
{
    private readonly Channel<AriEvent> _events = Channel.CreateUnbounded<AriEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<char> _keys = Channel.CreateUnbounded<char>();
    private readonly CancellationTokenSource _gone = new();

    /// <summary>The DTMF keys the caller pressed, in order.</summary>
    public ChannelReader<char> Keys => _keys.Reader;

    /// <summary>Cancelled when the caller left (hang-up, StasisEnd, or a channel that vanished while we were away).</summary>
    public CancellationToken Gone => _gone.Token;

    public void Enqueue(AriEvent ariEvent) => _events.Writer.TryWrite(ariEvent);

    /// <summary>No more events will be handled: <see cref="RunAsync"/> ends after the queued ones.</summary>
    public void Complete() => _events.Writer.TryComplete();

    public async Task RunAsync()
    {
        await foreach (var ariEvent in _events.Reader.ReadAllAsync())
        {
            try
            {
                await HandleAsync(ariEvent);
            }
            catch (Exception ex) when (ex is AriException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
            {
                Log.EventHandlingFailed(services.Logger, ex, channelId, ariEvent.Type);
            }
        }
    }

    public void Dispose() => _gone.Dispose();

    private async Task HandleAsync(AriEvent ariEvent)
    {
        switch (ariEvent)
        {
            case ChannelDtmfReceived dtmf when dtmf.Digit.Length > 0:
                _keys.Writer.TryWrite(dtmf.Digit[0]);
                break;
            case PlaybackFinished finished:
                playbacks.Finished(finished.Playback.Id, finished.Playback.State);
                break;
            case ChannelHangupRequest or ChannelDestroyed or StasisEnd:
                await _gone.CancelAsync();
                break;
            case TransportResumed:
                await ResyncAsync();
                break;
        }
    }

    private async Task ResyncAsync()
    {
        using var timeout = new CancellationTokenSource(services.Options.RoutingTimeout, services.Time);
        if (await services.Ari.GetChannelAsync(channelId, timeout.Token) is null)
        {
            await _gone.CancelAsync();
            return;
        }

        await playbacks.InterruptActiveAsync(timeout.Token);
    }
}

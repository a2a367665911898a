using System.Threading.Channels;
using AriCrmRouter.Ari.Events;
using AriCrmRouter.Ari.Rest;
using AriCrmRouter.Ari.Transport;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Bench.NullApp;

/// <summary>
/// The event sink: the receive loop only enqueues the channel id of each StasisStart; <see cref="RunAsync"/>
/// sends one <c>continue</c> per channel without waiting for the previous one, so calls never queue
/// behind each other.
/// </summary>
internal sealed class ContinueOnStasisStart(IAriClient ari, IOptions<NullAppOptions> options, ILogger<ContinueOnStasisStart> logger) : IAriEventSink
{
    private readonly Channel<string> _started = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void OnEvent(AriEvent ariEvent)
    {
        if (ariEvent is StasisStart start)
        {
            _started.Writer.TryWrite(start.Channel.Id);
        }
    }

    public void OnConnected(bool isReconnect) => Log.Connected(logger, isReconnect);

    public void OnDisconnected(string reason) => Log.Disconnected(logger, reason);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var target = options.Value;
        await foreach (var channelId in _started.Reader.ReadAllAsync(cancellationToken))
        {
            _ = ContinueAsync(channelId, target, cancellationToken);
        }
    }

    private async Task ContinueAsync(string channelId, NullAppOptions target, CancellationToken cancellationToken)
    {
        try
        {
            await ari.ContinueAsync(channelId, target.Context, target.Extension, target.Priority, cancellationToken);
        }
        catch (AriException ex)
        {
            // The caller hung up before the continue: nothing to do, as in the router.
            Log.ContinueFailed(logger, channelId, (int)ex.StatusCode);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}

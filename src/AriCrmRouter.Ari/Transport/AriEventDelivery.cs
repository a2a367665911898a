using System.Net.WebSockets;
using System.Text;
using Websocket.Client;

namespace AriCrmRouter.Ari.Transport;

/// <summary>
/// The receive path of one connection: tells the sink about the connection exactly once and before any event of
/// it, then decodes each message and hands it on in the order received. Nothing thrown here may reach
/// Websocket.Client's receive loop, which would drop the socket.
/// </summary>
internal sealed class AriEventDelivery(IAriEventSink sink, AriOptions options, bool isReconnect, AriConnectionMonitor? monitor, ILogger logger)
{
    private readonly Lock _announceGate = new();
    private bool _announced;

    /// <summary>
    /// The receive loop may deliver a message before <c>StartOrFail</c> returns, so both that path and the
    /// first message go through this gate.
    /// </summary>
    public void AnnounceConnected()
    {
        lock (_announceGate)
        {
            if (_announced)
            {
                return;
            }

            _announced = true;
            monitor?.Connected(isReconnect);
            Log.Connected(logger, options.Application, isReconnect);
            Notify(nameof(IAriEventSink.OnConnected), () => sink.OnConnected(isReconnect));
        }
    }

    public void Disconnected(string reason)
    {
        Log.Disconnected(logger, options.Application, reason);
        Notify(nameof(IAriEventSink.OnDisconnected), () => sink.OnDisconnected(reason));
    }

    public void OnMessage(ResponseMessage message)
    {
        try
        {
            AnnounceConnected();
            Deliver(message);
        }
        catch (Exception ex)
        {
            Log.ReceivePathFailed(logger, ex);
        }
    }

    private void Deliver(ResponseMessage message)
    {
        if (message.MessageType == WebSocketMessageType.Close)
        {
            return;
        }

        ReadOnlySpan<byte> utf8 = message.Binary ?? (message.Text is { } text ? Encoding.UTF8.GetBytes(text) : []);
        AriEvent ariEvent;
        try
        {
            ariEvent = AriEventDecoder.Decode(utf8);
        }
        catch (AriEventDecodeException ex)
        {
            Log.UndecodableEvent(logger, ex);
            return;
        }

        if (ariEvent is ApplicationReplaced)
        {
            Log.ApplicationReplaced(logger, options.Application);
        }

        try
        {
            sink.OnEvent(ariEvent);
        }
        catch (Exception ex)
        {
            Log.SinkEventFailed(logger, ariEvent.Type, ex);
        }
    }

    private void Notify(string callback, Action call)
    {
        try
        {
            call();
        }
        catch (Exception ex)
        {
            Log.SinkCallbackFailed(logger, callback, ex);
        }
    }
}

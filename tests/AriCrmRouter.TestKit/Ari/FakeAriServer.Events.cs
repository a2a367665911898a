using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;

namespace AriCrmRouter.TestKit.Ari;

/// <summary>The <c>/ari/events</c> websocket side of the fake: connections, replacement and ordered delivery.</summary>
public sealed partial class FakeAriServer
{
    private readonly List<Subscriber> _subscribers = [];
    private readonly List<Subscriber> _allSockets = [];
    private int _totalConnections;
    private int _refusedConnections;

    /// <summary>Queued to a subscriber's outbox to make its send loop close the socket after what was queued before.</summary>
    private static readonly string CloseMarker = new('\0', 1);

    /// <summary>Websocket attempts dropped because <see cref="RefuseConnections"/> was set.</summary>
    public int RefusedConnections => Volatile.Read(ref _refusedConnections);

    /// <summary>Drops every websocket at once (no close handshake), as an Asterisk restart or a network cut would.</summary>
    public Task DisconnectClientsAsync()
    {
        List<Subscriber> dropped;
        lock (_gate)
        {
            dropped = [.. _allSockets];
            _subscribers.Clear();
            _peerSubscribers.Clear();
            _allSockets.Clear();
        }

        foreach (var subscriber in dropped)
        {
            subscriber.Drop();
        }

        return Task.CompletedTask;
    }

    /// <summary>Closes every websocket with a close handshake (1001 going away), as a clean Asterisk shutdown does.</summary>
    public Task CloseClientsAsync()
    {
        lock (_gate)
        {
            foreach (var subscriber in _allSockets)
            {
                subscriber.Outbox.Writer.TryWrite(CloseMarker);
            }

            _subscribers.Clear();
        }

        return Task.CompletedTask;
    }

    /// <summary>Sends <paramref name="text"/> as-is to the connected application (e.g. malformed JSON or an unmodelled event).</summary>
    public Task SendRawAsync(string text)
    {
        lock (_gate)
        {
            Deliver("(raw)", null, text);
        }

        return Task.CompletedTask;
    }

    private async Task HandleEventsSocketAsync(HttpContext context)
    {
        if (RefuseConnections)
        {
            Interlocked.Increment(ref _refusedConnections);
            context.Abort();
            return;
        }

        if (!IsAuthorized(context.Request))
        {
            await RespondAsync(context, StatusCodes.Status401Unauthorized, """{"error":"Authentication required"}""");
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RespondAsync(context, StatusCodes.Status400BadRequest, FakeAriJson.Error("Not a websocket upgrade"));
            return;
        }

        var application = context.Request.Query["app"].ToString();
        if (application != Application && !ServesPeerApplications)
        {
            await RespondAsync(context, StatusCodes.Status400BadRequest, FakeAriJson.Error("Invalid application provided in query"));
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var subscriber = new Subscriber(socket, context);
        lock (_gate)
        {
            if (application == Application)
            {
                ReplaceSubscriber(subscriber);
            }
            else
            {
                AddPeerSubscriber(application, subscriber);
            }

            _allSockets.Add(subscriber);
            _totalConnections++;
        }

        var sending = SendLoopAsync(subscriber);
        try
        {
            var buffer = new byte[4096];
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, _stopping.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
            // The client went away or the test dropped it: both end this connection.
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(subscriber);
                RemovePeerSubscriber(subscriber);
                _allSockets.Remove(subscriber);
            }

            subscriber.Outbox.Writer.TryComplete();
            subscriber.Drop();
            await sending;
        }
    }

    /// <summary>Asterisk: a new websocket for the same app replaces the previous one, which is told so.</summary>
    private void ReplaceSubscriber(Subscriber subscriber)
    {
        foreach (var previous in _subscribers)
        {
            previous.Outbox.Writer.TryWrite(FakeAriJson.Event("ApplicationReplaced", _timeProvider.GetUtcNow(), Application, AsteriskId, _ => { }));
        }

        _subscribers.Clear();
        _subscribers.Add(subscriber);
    }

    private static async Task SendLoopAsync(Subscriber subscriber)
    {
        try
        {
            await foreach (var text in subscriber.Outbox.Reader.ReadAllAsync(subscriber.Dropped))
            {
                if (ReferenceEquals(text, CloseMarker))
                {
                    await subscriber.Socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "Asterisk shutting down", subscriber.Dropped);
                    return;
                }

                await subscriber.Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, subscriber.Dropped);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Dropped mid-send: the events are lost, as with Asterisk.
        }
    }

    /// <summary>Records the event and queues it to the application's websocket; call under the lock to keep order.</summary>
    private void Deliver(string type, string? channelId, string json)
    {
        if (!EventAllowed(type))
        {
            _sentEvents.Add(new FakeAriSentEvent(type, channelId, json, 0, Filtered: true));
            return;
        }

        var subscribers = SubscribersOf(channelId);
        foreach (var subscriber in subscribers)
        {
            subscriber.Outbox.Writer.TryWrite(json);
        }

        _sentEvents.Add(new FakeAriSentEvent(type, channelId, json, subscribers.Count));
    }

    private sealed class Subscriber(WebSocket socket, HttpContext context)
    {
        private readonly CancellationTokenSource _dropped = new();

        public WebSocket Socket { get; } = socket;

        public Channel<string> Outbox { get; } = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

        public CancellationToken Dropped => _dropped.Token;

        public void Drop()
        {
            try
            {
                _dropped.Cancel();
                Socket.Abort();
                context.Abort();
            }
            catch (ObjectDisposedException)
            {
                // Already torn down by the other side.
            }
        }
    }
}

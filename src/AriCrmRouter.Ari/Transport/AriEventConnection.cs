using System.Net.WebSockets;
using System.Text;
using AriCrmRouter.Ari.Events;
using AriCrmRouter.Ari.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Websocket.Client;

namespace AriCrmRouter.Ari.Transport;

/// <summary>
/// The ARI events websocket (<c>/ari/events?app=...</c>), kept connected forever.
/// </summary>
/// <remarks>
/// Websocket.Client's own reconnection is switched off: its fixed delays cannot back off with jitter and its
/// idle timer (<c>ReconnectTimeout</c>) would drop a healthy but quiet ARI socket. Instead each connection
/// is one <see cref="WebsocketClient"/>, and this loop reconnects with <see cref="ReconnectBackoff"/> until
/// cancelled. Keep-alive pings (<see cref="AriOptions.KeepAliveInterval"/>) detect a dead peer.
/// <para>
/// Registration is not verified with <c>GET /applications/{app}</c> after connecting: Asterisk registers the
/// application while it handles the upgrade request and refuses the upgrade when the app name is invalid, so
/// an open socket already means "registered". The check would also race with <c>ApplicationReplaced</c>.
/// The sink's <see cref="IAriEventSink.OnConnected"/> recovery reads that resource anyway (channel_ids).
/// </para>
/// </remarks>
public sealed class AriEventConnection
{
    private readonly IOptions<AriOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AriEventConnection> _logger;
    private readonly AriConnectionMonitor? _monitor;

    public AriEventConnection(IOptions<AriOptions> options, TimeProvider timeProvider, ILogger<AriEventConnection> logger, AriConnectionMonitor? monitor = null)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _monitor = monitor;
    }

    /// <summary>Connects, delivers events to <paramref name="sink"/> in the order received and reconnects until cancelled.</summary>
    public async Task RunAsync(IAriEventSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var options = _options.Value;
        var backoff = new ReconnectBackoff(options.InitialReconnectDelay, options.MaxReconnectDelay);
        var everConnected = false;
        var attempt = 0;

        while (!cancellationToken.IsCancellationRequested)
        {
            attempt++;
            var session = new ConnectionSession(this, sink, options, isReconnect: everConnected);
            var heldFor = await session.RunAsync(attempt, cancellationToken);
            if (heldFor is { } held)
            {
                everConnected = true;

                // A connection that drops at once must not reset the backoff, or a server that accepts and
                // immediately closes would be hammered at the initial delay.
                if (held >= options.MaxReconnectDelay)
                {
                    backoff.Reset();
                }
            }

            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var delay = backoff.Next();
            Log.ReconnectDelay(_logger, delay);
            try
            {
                await Task.Delay(delay, _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Log.Stopped(_logger, options.Application);
    }

    /// <summary>One websocket connection, from connect to drop.</summary>
    private sealed class ConnectionSession
    {
        private readonly AriEventConnection _owner;
        private readonly IAriEventSink _sink;
        private readonly AriOptions _options;
        private readonly bool _isReconnect;
        private readonly Lock _announceGate = new();
        private readonly TaskCompletionSource<string> _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _announced;

        public ConnectionSession(AriEventConnection owner, IAriEventSink sink, AriOptions options, bool isReconnect)
        {
            _owner = owner;
            _sink = sink;
            _options = options;
            _isReconnect = isReconnect;
        }

        private ILogger Logger => _owner._logger;

        /// <summary>Returns how long the connection was up, or null when it never connected.</summary>
        public async Task<TimeSpan?> RunAsync(int attempt, CancellationToken cancellationToken)
        {
            var uri = AriUris.EventsWebSocket(_options.BaseUrl, _options.Application);
            Log.Connecting(Logger, uri.Authority, _options.Application, attempt);

            using var client = new WebsocketClient(uri, logger: null, connectionFactory: (target, token) => ConnectSocketAsync(target, token, cancellationToken))
            {
                IsReconnectionEnabled = false,
                ReconnectTimeout = null,
                ErrorReconnectTimeout = null,
                LostReconnectTimeout = null,
                ConnectTimeout = _options.ConnectTimeout,
                IsTextMessageConversionEnabled = false,
                Name = "ari-events",
            };

            // Websocket.Client raises MessageReceived from its single receive loop, one message at a time:
            // handling it inline (no ObserveOn, no Task.Run) keeps the events in the order Asterisk sent them.
            using var messages = client.MessageReceived.Subscribe(OnMessage);
            using var drops = client.DisconnectionHappened.Subscribe(info => _dropped.TrySetResult(Describe(info)));

            try
            {
                await client.StartOrFail();
            }
            catch (Exception ex)
            {
                // Every failure is "not connected, try again later"; during shutdown it is not worth a warning.
                if (!cancellationToken.IsCancellationRequested)
                {
                    Log.ConnectFailed(Logger, uri.Authority, Describe(ex));
                }

                return null;
            }

            var connectedAt = _owner._timeProvider.GetTimestamp();
            AnnounceConnected();

            string reason;
            using (cancellationToken.Register(() => _dropped.TrySetResult("stopping")))
            {
                reason = await _dropped.Task;
            }

            var heldFor = _owner._timeProvider.GetElapsedTime(connectedAt);
            _owner._monitor?.Disconnected();
            if (cancellationToken.IsCancellationRequested)
            {
                await CloseQuietlyAsync(client);
                return heldFor;
            }

            Log.Disconnected(Logger, _options.Application, reason);
            try
            {
                _sink.OnDisconnected(reason);
            }
            catch (Exception ex)
            {
                Log.SinkCallbackFailed(Logger, nameof(IAriEventSink.OnDisconnected), ex);
            }

            return heldFor;
        }

        /// <summary>Says goodbye to Asterisk on shutdown, but never lets a peer that ignores the close delay the host.</summary>
        private async Task CloseQuietlyAsync(WebsocketClient client)
        {
            try
            {
                await client.Stop(WebSocketCloseStatus.NormalClosure, "router stopping").WaitAsync(_options.ConnectTimeout, _owner._timeProvider);
            }
            catch (TimeoutException)
            {
                // Disposing the client below aborts the socket.
            }
        }

        private async Task<WebSocket> ConnectSocketAsync(Uri target, CancellationToken clientToken, CancellationToken stopToken)
        {
            var socket = new ClientWebSocket();
            try
            {
                socket.Options.SetRequestHeader("Authorization", AriBasicCredentials.HeaderValue(_options));
                socket.Options.KeepAliveInterval = _options.KeepAliveInterval;

                // A port that accepts TCP but never answers the upgrade would otherwise hang here forever.
                using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _owner._timeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(clientToken, stopToken, timeout.Token);
                await socket.ConnectAsync(target, linked.Token);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Tells the sink about the connection exactly once and before any event of it: the receive loop may
        /// deliver a message before <c>StartOrFail</c> returns, so both paths go through this gate.
        /// </summary>
        private void AnnounceConnected()
        {
            lock (_announceGate)
            {
                if (_announced)
                {
                    return;
                }

                _announced = true;
                _owner._monitor?.Connected(_isReconnect);
                Log.Connected(Logger, _options.Application, _isReconnect);
                try
                {
                    _sink.OnConnected(_isReconnect);
                }
                catch (Exception ex)
                {
                    Log.SinkCallbackFailed(Logger, nameof(IAriEventSink.OnConnected), ex);
                }
            }
        }

        private void OnMessage(ResponseMessage message)
        {
            // Anything thrown here would surface inside Websocket.Client's receive loop and drop the socket.
            try
            {
                AnnounceConnected();
                Deliver(message);
            }
            catch (Exception ex)
            {
                Log.ReceivePathFailed(Logger, ex);
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
                Log.UndecodableEvent(Logger, ex);
                return;
            }

            if (ariEvent is ApplicationReplaced)
            {
                Log.ApplicationReplaced(Logger, _options.Application);
            }

            try
            {
                _sink.OnEvent(ariEvent);
            }
            catch (Exception ex)
            {
                Log.SinkEventFailed(Logger, ariEvent.Type, ex);
            }
        }

        private static string Describe(DisconnectionInfo info)
        {
            var detail = info.CloseStatus is { } status ? $" ({status})" : info.Exception is { } ex ? $" ({Describe(ex)})" : "";
            return info.Type + detail;
        }

        private static string Describe(Exception ex)
        {
            var innermost = ex;
            while (innermost.InnerException is { } inner)
            {
                innermost = inner;
            }

            return innermost is OperationCanceledException ? "connect timed out" : $"{innermost.GetType().Name}: {innermost.Message}";
        }
    }
}

using System.Net.WebSockets;
using Websocket.Client;

namespace AriCrmRouter.Ari.Transport;

/// <summary>
/// One websocket connection to <c>/ari/events?app=...</c>, from connect to drop. Websocket.Client's own
/// reconnection and idle timer are off (the caller reconnects; keep-alive pings detect a dead peer).
/// </summary>
internal sealed class AriWebSocketConnection(AriOptions options, AriEventDelivery delivery, TimeProvider timeProvider, AriConnectionMonitor? monitor, ILogger logger)
{
    private readonly TaskCompletionSource<string> _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Returns how long the connection was up, or null when it never connected. <paramref name="connected"/> runs once the
    /// socket is open (the event filter), while events already flow.
    /// </summary>
    public async Task<TimeSpan?> RunAsync(int attempt, Func<CancellationToken, Task> connected, CancellationToken cancellationToken)
    {
        var uri = AriUris.EventsWebSocket(options.BaseUrl, options.Application);
        Log.Connecting(logger, uri.Authority, options.Application, attempt);

        using var client = new WebsocketClient(uri, logger: null, connectionFactory: (target, token) => ConnectSocketAsync(target, token, cancellationToken))
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            LostReconnectTimeout = null,
            ConnectTimeout = options.ConnectTimeout,
            IsTextMessageConversionEnabled = false,
            Name = "ari-events",
        };

        // Websocket.Client raises MessageReceived from its single receive loop, one message at a time:
        // handling it inline (no ObserveOn, no Task.Run) keeps the events in the order Asterisk sent them.
        using var messages = client.MessageReceived.Subscribe(delivery.OnMessage);
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
                Log.ConnectFailed(logger, uri.Authority, Describe(ex));
            }

            return null;
        }

        var connectedAt = timeProvider.GetTimestamp();
        delivery.AnnounceConnected();

        string reason;
        using (cancellationToken.Register(() => _dropped.TrySetResult("stopping")))
        {
            await connected(cancellationToken);
            reason = await _dropped.Task;
        }

        var heldFor = timeProvider.GetElapsedTime(connectedAt);
        monitor?.Disconnected();
        if (cancellationToken.IsCancellationRequested)
        {
            await CloseQuietlyAsync(client);
        }
        else
        {
            delivery.Disconnected(reason);
        }

        return heldFor;
    }

    /// <summary>Says goodbye to Asterisk on shutdown, but never lets a peer that ignores the close delay the host.</summary>
    private async Task CloseQuietlyAsync(WebsocketClient client)
    {
        try
        {
            await client.Stop(WebSocketCloseStatus.NormalClosure, "router stopping").WaitAsync(options.ConnectTimeout, timeProvider);
        }
        catch (TimeoutException)
        {
            // Disposing the client aborts the socket.
        }
    }

    private async Task<WebSocket> ConnectSocketAsync(Uri target, CancellationToken clientToken, CancellationToken stopToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.SetRequestHeader("Authorization", AriBasicCredentials.HeaderValue(options));
            socket.Options.KeepAliveInterval = options.KeepAliveInterval;

            // A port that accepts TCP but never answers the upgrade would otherwise hang here forever.
            using var timeout = new CancellationTokenSource(options.ConnectTimeout, timeProvider);
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

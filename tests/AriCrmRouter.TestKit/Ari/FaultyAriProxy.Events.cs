using System.Net.WebSockets;

namespace AriCrmRouter.TestKit.Ari;

public sealed partial class FaultyAriProxy
{
    /// <summary>
    /// Relays the events websocket: the router's side is accepted here, Asterisk's side is opened with the router's
    /// own credentials and query. Messages go both ways whole; a StasisStart is held back when one is to be dropped.
    /// When either side closes or fails, both are closed.
    /// </summary>
    private async Task RelayEventsAsync(HttpContext context)
    {
        var target = new UriBuilder(new Uri(_asterisk, context.Request.Path.Value + context.Request.QueryString))
        {
            Scheme = _asterisk.Scheme == "https" ? "wss" : "ws",
        }.Uri;
        using var upstream = new ClientWebSocket();
        if (context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            upstream.Options.SetRequestHeader("Authorization", authorization);
        }

        try
        {
            await upstream.ConnectAsync(target, context.RequestAborted);
        }
        catch (WebSocketException)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using var downstream = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var fromAsterisk = PumpAsync(upstream, downstream, filter: true, stop.Token);
        var fromRouter = PumpAsync(downstream, upstream, filter: false, stop.Token);
        await Task.WhenAny(fromAsterisk, fromRouter);
        await stop.CancelAsync();
        await CloseQuietlyAsync(downstream);
        await CloseQuietlyAsync(upstream);
        await Task.WhenAll(Quietly(fromAsterisk), Quietly(fromRouter));
    }

    private async Task PumpAsync(WebSocket from, WebSocket to, bool filter, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await from.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var bytes = message.ToArray();
            message.SetLength(0);
            if (filter && received.MessageType == WebSocketMessageType.Text && Drops(bytes))
            {
                continue;
            }

            await to.SendAsync(bytes, received.MessageType, endOfMessage: true, cancellationToken);
        }
    }

    /// <summary>True for a StasisStart while one is to be dropped (the channel id is recorded).</summary>
    private bool Drops(byte[] message)
    {
        lock (_gate)
        {
            if (_stasisStartsToDrop == 0)
            {
                return false;
            }
        }

        using var json = JsonDocument.Parse(message);
        var root = json.RootElement;
        if (!root.TryGetProperty("type", out var type) || type.GetString() != "StasisStart")
        {
            return false;
        }

        lock (_gate)
        {
            if (_stasisStartsToDrop == 0)
            {
                return false;
            }

            _stasisStartsToDrop--;
            _dropped.Add(root.GetProperty("channel").GetProperty("id").GetString() ?? "");
            return true;
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side is already gone.
        }
    }

    private static async Task Quietly(Task pump)
    {
        try
        {
            await pump;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A pump ends by its socket closing or being cancelled.
        }
    }
}

using System.Net.Sockets;
using System.Net.WebSockets;

namespace AriCrmRouter.Ari.Tests.Transport;

public sealed class AriEventConnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = AriHarness.Timeout;
    private AriHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AriHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RunAsync_ManyEvents_DeliveredInTheOrderSent()
    {
        var sink = new RecordingSink();
        _ = _harness.RunConnectionAsync(sink);
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:first"), Timeout);
        var digits = Enumerable.Range(0, 200).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var channelId = await _harness.Fake.StartCallAsync("+4930123456", "100", "sales");
        foreach (var digit in digits)
        {
            await _harness.Fake.SendDtmfAsync(channelId, digit);
        }

        await _harness.Fake.CallerHangsUpAsync(channelId);
        await sink.WaitUntilAsync(s => s.Events.Any(e => e is ChannelDestroyed), Timeout);

        var events = sink.Events;
        Assert.IsType<StasisStart>(events[0]);
        Assert.Equal(digits, events.OfType<ChannelDtmfReceived>().Select(e => e.Digit));
        Assert.Equal(["ChannelHangupRequest", "StasisEnd", "ChannelDestroyed"], events.Skip(1 + digits.Length).Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(channelId, e.ChannelId));
        Assert.Equal("connected:first", sink.Entries[0]);
    }

    [Fact]
    public async Task RunAsync_SinkNamesItsEventTypes_AsteriskSendsOnlyThoseOnEveryConnection()
    {
        var sink = new RecordingSink { HandledEventTypes = ["StasisStart", "StasisEnd", "ChannelDestroyed"] };
        _ = _harness.RunConnectionAsync(sink);
        await _harness.Fake.WaitForAsync(_ => _harness.Fake.AllowedEventTypes.Count > 0, Timeout);
        Assert.Equal(["ApplicationReplaced", "ChannelDestroyed", "StasisEnd", "StasisStart"], _harness.Fake.AllowedEventTypes.Order(StringComparer.Ordinal));

        var channelId = await _harness.Fake.StartCallAsync("+4930123456", "100");
        await _harness.Client.SetVariableAsync(channelId, "CRMROUTER_DECISION", "row-matched:sales:600", CancellationToken.None);
        await _harness.Fake.CallerHangsUpAsync(channelId);
        await sink.WaitUntilAsync(s => s.Events.Any(e => e is ChannelDestroyed), Timeout);

        Assert.Equal(["StasisStart", "StasisEnd", "ChannelDestroyed"], sink.Events.Select(e => e.Type));
        Assert.Contains(_harness.Fake.State.SentEvents, e => e is { Type: "ChannelVarset", Filtered: true });

        // Asterisk may forget the filter with the application (e.g. after a restart): each connection sets it again.
        await _harness.Client.SetEventFilterAsync("crmrouter", [], CancellationToken.None);
        await _harness.Fake.DisconnectClientsAsync();
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:reconnect"), Timeout);
        await _harness.Fake.WaitForAsync(_ => _harness.Fake.AllowedEventTypes.Count > 0, Timeout);
        Assert.Equal(4, _harness.Fake.AllowedEventTypes.Count);
    }

    [Fact]
    public async Task RunAsync_SinkWithoutEventTypes_SetsNoFilter()
    {
        var sink = new RecordingSink();
        _ = _harness.RunConnectionAsync(sink);
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:first"), Timeout);
        var channelId = await _harness.Fake.StartCallAsync("+1", "100");
        await sink.WaitUntilAsync(s => s.Events.Any(e => e is StasisStart), Timeout);

        Assert.DoesNotContain(_harness.Fake.Commands, c => c.Path.EndsWith("/eventFilter", StringComparison.Ordinal));
        Assert.Equal(channelId, sink.Events.Single().ChannelId);
    }

    [Fact]
    public async Task RunAsync_EventFilterRefused_WarnsAndDeliversEveryEvent()
    {
        _harness.Fake.InjectFailure(c => c.Path.EndsWith("/eventFilter", StringComparison.Ordinal), HttpStatusCode.InternalServerError, "filter broken");
        var sink = new RecordingSink { HandledEventTypes = ["StasisStart"] };
        _ = _harness.RunConnectionAsync(sink);
        await _harness.Fake.WaitForCommandAsync(c => c.Path.EndsWith("/eventFilter", StringComparison.Ordinal), Timeout);
        await WaitForLogsAsync(_harness, r => r.Id.Id == 1013 && r.Level == LogLevel.Warning, count: 1);

        var channelId = await _harness.Fake.StartCallAsync("+1", "100");
        await _harness.Fake.CallerHangsUpAsync(channelId);
        await sink.WaitUntilAsync(s => s.Events.Any(e => e is ChannelDestroyed), Timeout);

        Assert.Equal(1, _harness.Fake.State.TotalConnections);
        Assert.Contains(sink.Events, e => e is ChannelHangupRequest);
    }

    [Fact]
    public async Task RunAsync_ServerDropsTheSocket_ReportsDropAndReconnects()
    {
        var sink = new RecordingSink();
        _ = _harness.RunConnectionAsync(sink);
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:first"), Timeout);

        await _harness.Fake.DisconnectClientsAsync();
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:reconnect"), Timeout);
        var channelId = await _harness.Fake.StartCallAsync("+1", "100");
        await sink.WaitUntilAsync(s => s.Events.Any(e => e is StasisStart), Timeout);

        Assert.Equal(["connected:first", "disconnected", "connected:reconnect", "event:StasisStart"], sink.Entries);
        Assert.Equal(channelId, sink.Events.Single().ChannelId);
        Assert.Equal(2, _harness.Fake.State.TotalConnections);
    }

    [Fact]
    public async Task RunAsync_ServerClosesCleanly_ReportsDropAndReconnects()
    {
        var sink = new RecordingSink();
        _ = _harness.RunConnectionAsync(sink);
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:first"), Timeout);

        await _harness.Fake.CloseClientsAsync();
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:reconnect"), Timeout);

        Assert.Equal(["connected:first", "disconnected", "connected:reconnect"], sink.Entries);
    }

    [Fact]
    public async Task RunAsync_ServerRefusesForAWhile_KeepsRetryingThenConnects()
    {
        _harness.Fake.RefuseConnections = true;
        var sink = new RecordingSink();
        _ = _harness.RunConnectionAsync(sink);

        await _harness.Fake.WaitForAsync(_ => _harness.Fake.RefusedConnections >= 5, Timeout);
        Assert.Empty(sink.Entries);
        _harness.Fake.RefuseConnections = false;

        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:first"), Timeout);
        Assert.Equal(1, _harness.Fake.State.ConnectedClients);
    }

    [Fact]
    public async Task RunAsync_SinkThrows_LaterEventsStillDelivered()
    {
        var sink = new RecordingSink { ThrowWhen = e => e is ChannelDtmfReceived { Digit: "1" } };
        _ = _harness.RunConnectionAsync(sink);
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:first"), Timeout);

        var channelId = await _harness.Fake.StartCallAsync("+1", "100");
        await _harness.Fake.SendDtmfAsync(channelId, "1");
        await _harness.Fake.SendDtmfAsync(channelId, "2");
        await sink.WaitUntilAsync(s => s.Events.Any(e => e is ChannelDtmfReceived { Digit: "2" }), Timeout);

        Assert.Equal(["StasisStart", "ChannelDtmfReceived", "ChannelDtmfReceived"], sink.Events.Select(e => e.Type));
        Assert.Equal(1, _harness.Fake.State.TotalConnections);
        Assert.Contains(_harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task RunAsync_MalformedAndUnknownMessages_AreSkippedOrPassedOnWithoutDroppingTheSocket()
    {
        var sink = new RecordingSink();
        _ = _harness.RunConnectionAsync(sink);
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:first"), Timeout);

        await _harness.Fake.SendRawAsync("{this is not json");
        await _harness.Fake.SendRawAsync("""{"type":"ChannelVarset","variable":"A","value":"1"}""");
        var channelId = await _harness.Fake.StartCallAsync("+1", "100");
        await sink.WaitUntilAsync(s => s.Events.Any(e => e is StasisStart), Timeout);

        Assert.Equal(["ChannelVarset", "StasisStart"], sink.Events.Select(e => e.Type));
        Assert.IsType<UnknownAriEvent>(sink.Events[0]);
        Assert.Equal(channelId, sink.Events[1].ChannelId);
        Assert.Equal(1, _harness.Fake.State.TotalConnections);
        Assert.Contains(_harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Exception is AriEventDecodeException);
    }

    [Fact]
    public async Task RunAsync_ApplicationReplaced_LogsAnErrorAndKeepsRunning()
    {
        var sink = new RecordingSink();
        var running = _harness.RunConnectionAsync(sink);
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:first"), Timeout);

        using var intruder = new ClientWebSocket();
        intruder.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("router:s3cr3t-pa55")));
        await intruder.ConnectAsync(new Uri(_harness.Fake.BaseUri.ToString().Replace("http", "ws", StringComparison.Ordinal) + "/events?app=crmrouter"), CancellationToken.None);
        await sink.WaitUntilAsync(s => s.Events.Any(e => e is ApplicationReplaced), Timeout);

        Assert.False(running.IsCompleted);
        Assert.DoesNotContain("disconnected", sink.Entries);
        Assert.Single(_harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("ApplicationReplaced", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PortAcceptsButNeverAnswers_TimesOutAndRetries()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var harness = await AriHarness.StartAsync(s =>
        {
            s["Ari:BaseUrl"] = $"http://127.0.0.1:{port}/ari";
            s["Ari:ConnectTimeout"] = "00:00:00.200";
        });
        var sink = new RecordingSink();
        var running = harness.RunConnectionAsync(sink);

        var held = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                held.Add(await silent.AcceptTcpClientAsync().WaitAsync(Timeout));
            }
        }
        finally
        {
            held.ForEach(c => c.Dispose());
        }

        Assert.False(running.IsCompleted);
        Assert.Empty(sink.Entries);
    }

    [Fact]
    public async Task RunAsync_WrongPassword_KeepsRetryingWithoutConnecting()
    {
        await using var harness = await AriHarness.StartAsync(s => s["Ari:Password"] = "not-the-password");
        var sink = new RecordingSink();
        var running = harness.RunConnectionAsync(sink);

        await WaitForLogsAsync(harness, r => r.Level == LogLevel.Warning && r.Message.Contains("connect", StringComparison.OrdinalIgnoreCase), count: 3);

        Assert.False(running.IsCompleted);
        Assert.Empty(sink.Entries);
        Assert.Equal(0, harness.Fake.State.TotalConnections);
        Assert.DoesNotContain("not-the-password", harness.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReturnsWithoutThrowing()
    {
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var running = _harness.Connection.RunAsync(sink, stop.Token);
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:first"), Timeout);

        await stop.CancelAsync();
        await running.WaitAsync(Timeout);

        Assert.True(running.IsCompletedSuccessfully);
        await _harness.Fake.WaitForAsync(s => s.ConnectedClients == 0, Timeout);
    }

    [Fact]
    public async Task RunAsync_AnyActivity_NeverLogsThePassword()
    {
        var sink = new RecordingSink();
        _ = _harness.RunConnectionAsync(sink);
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:first"), Timeout);
        await _harness.Fake.DisconnectClientsAsync();
        await sink.WaitUntilAsync(s => s.Entries.Contains("connected:reconnect"), Timeout);

        var logs = _harness.AllLogText();
        Assert.DoesNotContain("s3cr3t", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("router:s3cr3t-pa55")), logs, StringComparison.Ordinal);
        Assert.Contains("Connected to ARI as application", logs, StringComparison.Ordinal);
    }

    private static async Task WaitForLogsAsync(AriHarness harness, Func<Microsoft.Extensions.Logging.Testing.FakeLogRecord, bool> match, int count)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (harness.Logs.GetSnapshot().Count(match) < count)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < Timeout, $"Fewer than {count} matching log records within {Timeout}.");
            await Task.Delay(10);
        }
    }
}

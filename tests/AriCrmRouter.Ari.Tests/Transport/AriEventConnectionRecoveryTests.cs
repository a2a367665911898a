namespace AriCrmRouter.Ari.Tests.Transport;

/// <summary>The event connection when the server drops, refuses, never answers or rejects it, and when it is stopped.</summary>
public sealed class AriEventConnectionRecoveryTests : AriHarnessTests
{
    [Fact]
    public async Task RunAsync_ServerDropsTheSocket_ReportsDropAndReconnects()
    {
        var sink = await Harness.ConnectedAsync();

        await Harness.Fake.DisconnectClientsAsync();
        await sink.WaitForEntryAsync("connected:reconnect");
        var channelId = await Harness.Fake.StartCallAsync("+1", "100");
        await sink.WaitForEventAsync<StasisStart>();

        Assert.Equal(["connected:first", "disconnected", "connected:reconnect", "event:StasisStart"], sink.Entries);
        Assert.Equal(channelId, sink.Events.Single().ChannelId);
        Assert.Equal(2, Harness.Fake.State.TotalConnections);
    }

    [Fact]
    public async Task RunAsync_ServerClosesCleanly_ReportsDropAndReconnects()
    {
        var sink = await Harness.ConnectedAsync();

        await Harness.Fake.CloseClientsAsync();
        await sink.WaitForEntryAsync("connected:reconnect");

        Assert.Equal(["connected:first", "disconnected", "connected:reconnect"], sink.Entries);
    }

    [Fact]
    public async Task RunAsync_ServerRefusesForAWhile_KeepsRetryingThenConnects()
    {
        Harness.Fake.RefuseConnections = true;
        var sink = new RecordingSink();
        _ = Harness.RunConnectionAsync(sink);

        await Harness.Fake.WaitForAsync(_ => Harness.Fake.RefusedConnections >= 5, Timeout);
        Assert.Empty(sink.Entries);
        Harness.Fake.RefuseConnections = false;

        await sink.WaitForEntryAsync("connected:first");
        Assert.Equal(1, Harness.Fake.State.ConnectedClients);
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

        await harness.WaitForLogsAsync(r => r.Level == LogLevel.Warning && r.Message.Contains("connect", StringComparison.OrdinalIgnoreCase), count: 3);

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
        var running = Harness.Connection.RunAsync(sink, stop.Token);
        await sink.WaitForEntryAsync("connected:first");

        await stop.CancelAsync();
        await running.WaitAsync(Timeout);

        Assert.True(running.IsCompletedSuccessfully);
        await Harness.Fake.WaitForAsync(s => s.ConnectedClients == 0, Timeout);
    }
}

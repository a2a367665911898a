namespace AriCrmRouter.Ari.Tests.Transport;

public sealed class AriEventConnectionTests : AriHarnessTests
{
    [Fact]
    public async Task RunAsync_ManyEvents_DeliveredInTheOrderSent()
    {
        var sink = await Harness.ConnectedAsync();
        var digits = Enumerable.Range(0, 200).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var channelId = await Harness.Fake.StartCallAsync("+4930123456", "100", "sales");
        foreach (var digit in digits)
        {
            await Harness.Fake.SendDtmfAsync(channelId, digit);
        }

        await Harness.Fake.CallerHangsUpAsync(channelId);
        await sink.WaitForEventAsync<ChannelDestroyed>();

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
        _ = Harness.RunConnectionAsync(sink);
        await Harness.Fake.WaitForAsync(_ => Harness.Fake.AllowedEventTypes.Count > 0, Timeout);
        Assert.Equal(["ApplicationReplaced", "ChannelDestroyed", "StasisEnd", "StasisStart"], Harness.Fake.AllowedEventTypes.Order(StringComparer.Ordinal));

        var channelId = await Harness.Fake.StartCallAsync("+4930123456", "100");
        await Client.SetVariableAsync(channelId, "CRMROUTER_DECISION", "row-matched:sales:600", CancellationToken.None);
        await Harness.Fake.CallerHangsUpAsync(channelId);
        await sink.WaitForEventAsync<ChannelDestroyed>();

        Assert.Equal(["StasisStart", "StasisEnd", "ChannelDestroyed"], sink.Events.Select(e => e.Type));
        Assert.Contains(Harness.Fake.State.SentEvents, e => e is { Type: "ChannelVarset", Filtered: true });

        // Asterisk may forget the filter with the application (e.g. after a restart): each connection sets it again.
        await Client.SetEventFilterAsync("crmrouter", [], CancellationToken.None);
        await Harness.Fake.DisconnectClientsAsync();
        await sink.WaitForEntryAsync("connected:reconnect");
        await Harness.Fake.WaitForAsync(_ => Harness.Fake.AllowedEventTypes.Count > 0, Timeout);
        Assert.Equal(4, Harness.Fake.AllowedEventTypes.Count);
    }

    [Fact]
    public async Task RunAsync_SinkWithoutEventTypes_SetsNoFilter()
    {
        var sink = await Harness.ConnectedAsync();
        var channelId = await Harness.Fake.StartCallAsync("+1", "100");
        await sink.WaitForEventAsync<StasisStart>();

        Assert.DoesNotContain(Harness.Fake.Commands, c => c.Path.EndsWith("/eventFilter", StringComparison.Ordinal));
        Assert.Equal(channelId, sink.Events.Single().ChannelId);
    }

    [Fact]
    public async Task RunAsync_EventFilterRefused_WarnsAndDeliversEveryEvent()
    {
        Harness.Fake.InjectFailure(c => c.Path.EndsWith("/eventFilter", StringComparison.Ordinal), HttpStatusCode.InternalServerError, "filter broken");
        var sink = new RecordingSink { HandledEventTypes = ["StasisStart"] };
        _ = Harness.RunConnectionAsync(sink);
        await Harness.Fake.WaitForCommandAsync(c => c.Path.EndsWith("/eventFilter", StringComparison.Ordinal), Timeout);
        await Harness.WaitForLogsAsync(r => r.Id.Id == 1013 && r.Level == LogLevel.Warning, count: 1);

        var channelId = await Harness.Fake.StartCallAsync("+1", "100");
        await Harness.Fake.CallerHangsUpAsync(channelId);
        await sink.WaitForEventAsync<ChannelDestroyed>();

        Assert.Equal(1, Harness.Fake.State.TotalConnections);
        Assert.Contains(sink.Events, e => e is ChannelHangupRequest);
    }

    [Fact]
    public async Task RunAsync_SinkThrows_LaterEventsStillDelivered()
    {
        var sink = await Harness.ConnectedAsync(new RecordingSink { ThrowWhen = e => e is ChannelDtmfReceived { Digit: "1" } });

        var channelId = await Harness.Fake.StartCallAsync("+1", "100");
        await Harness.Fake.SendDtmfAsync(channelId, "1");
        await Harness.Fake.SendDtmfAsync(channelId, "2");
        await sink.WaitUntilAsync(s => s.Events.Any(e => e is ChannelDtmfReceived { Digit: "2" }), Timeout);

        Assert.Equal(["StasisStart", "ChannelDtmfReceived", "ChannelDtmfReceived"], sink.Events.Select(e => e.Type));
        Assert.Equal(1, Harness.Fake.State.TotalConnections);
        Assert.Contains(Harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task RunAsync_MalformedAndUnknownMessages_AreSkippedOrPassedOnWithoutDroppingTheSocket()
    {
        var sink = await Harness.ConnectedAsync();

        await Harness.Fake.SendRawAsync("{this is not json");
        await Harness.Fake.SendRawAsync("""{"type":"ChannelVarset","variable":"A","value":"1"}""");
        var channelId = await Harness.Fake.StartCallAsync("+1", "100");
        await sink.WaitForEventAsync<StasisStart>();

        Assert.Equal(["ChannelVarset", "StasisStart"], sink.Events.Select(e => e.Type));
        Assert.IsType<UnknownAriEvent>(sink.Events[0]);
        Assert.Equal(channelId, sink.Events[1].ChannelId);
        Assert.Equal(1, Harness.Fake.State.TotalConnections);
        Assert.Contains(Harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Exception is AriEventDecodeException);
    }

    [Fact]
    public async Task RunAsync_ApplicationReplaced_LogsAnErrorAndKeepsRunning()
    {
        var sink = await Harness.ConnectedAsync();
        var running = Harness.Running!;

        using var intruder = new ClientWebSocket();
        intruder.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("router:s3cr3t-pa55")));
        await intruder.ConnectAsync(new Uri(Harness.Fake.BaseUri.ToString().Replace("http", "ws", StringComparison.Ordinal) + "/events?app=crmrouter"), CancellationToken.None);
        await sink.WaitForEventAsync<ApplicationReplaced>();

        Assert.False(running.IsCompleted);
        Assert.DoesNotContain("disconnected", sink.Entries);
        Assert.Single(Harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("ApplicationReplaced", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_AnyActivity_NeverLogsThePassword()
    {
        var sink = await Harness.ConnectedAsync();
        await Harness.Fake.DisconnectClientsAsync();
        await sink.WaitForEntryAsync("connected:reconnect");

        var logs = Harness.AllLogText();
        Assert.DoesNotContain("s3cr3t", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("router:s3cr3t-pa55")), logs, StringComparison.Ordinal);
        Assert.Contains("Connected to ARI as application", logs, StringComparison.Ordinal);
    }
}

namespace AriCrmRouter.Ari.Tests.Fake;

/// <summary>The fake ARI must behave like Asterisk 22 where the router depends on it; these pin that behaviour.</summary>
public sealed class FakeAriServerTests : IAsyncLifetime
{
    private AriHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AriHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ContinueAsync_WhilePlaybackPlays_LeavesStasisOnlyWhenThePlaybackEnds()
    {
        var channelId = await _harness.Fake.StartCallAsync("+1", "100");
        await _harness.Client.PlayAsync(channelId, "greeting", "sound:long-greeting", CancellationToken.None);

        await _harness.Client.ContinueAsync(channelId, "queues", "600", 1, CancellationToken.None);
        Assert.True(_harness.Fake.GetChannel(channelId)!.InStasis);

        await _harness.Client.StopPlaybackAsync("greeting", CancellationToken.None);

        var channel = _harness.Fake.GetChannel(channelId)!;
        Assert.False(channel.InStasis);
        Assert.Equal(new("queues", "600", 1), channel.Landing);
        Assert.Equal(["StasisStart", "PlaybackStarted", "PlaybackFinished", "StasisEnd"], EventTypes(channelId));
    }

    [Fact]
    public async Task CallerHangsUpAsync_DuringPlayback_FinishesThePlaybackBeforeStasisEnd()
    {
        var channelId = await _harness.Fake.StartCallAsync("+1", "100");
        await _harness.Client.PlayAsync(channelId, "greeting", "sound:hello-world", CancellationToken.None);

        await _harness.Fake.CallerHangsUpAsync(channelId);

        Assert.Equal(["StasisStart", "PlaybackStarted", "ChannelHangupRequest", "PlaybackFinished", "StasisEnd", "ChannelDestroyed"], EventTypes(channelId));
        Assert.False(Assert.IsType<ChannelHangupRequest>(Decoded(channelId)[2]).Soft);
        var error = await Assert.ThrowsAsync<AriException>(() => _harness.Client.AnswerAsync(channelId, CancellationToken.None));
        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task AnswerAsync_RingingChannel_SendsStateChangeToUp()
    {
        var channelId = await _harness.Fake.StartCallAsync("+1", "100");

        await _harness.Client.AnswerAsync(channelId, CancellationToken.None);

        var change = Assert.IsType<ChannelStateChange>(Decoded(channelId)[^1]);
        Assert.Equal("Up", change.Channel.State);
    }

    [Fact]
    public async Task PlayAsync_AutoFinishImmediately_SendsStartedThenFinishedDone()
    {
        _harness.Fake.PlaybackAutoFinishAfter = TimeSpan.Zero;
        var channelId = await _harness.Fake.StartCallAsync("+1", "100");

        await _harness.Client.PlayAsync(channelId, "p1", "sound:beep", CancellationToken.None);

        var finished = Assert.IsType<PlaybackFinished>(Decoded(channelId)[^1]);
        Assert.Equal("done", finished.Playback.State);
        Assert.Equal(channelId, finished.ChannelId);
    }

    [Fact]
    public async Task PlayAsync_AutoFinishAfterDelay_FinishesByItself()
    {
        _harness.Fake.PlaybackAutoFinishAfter = TimeSpan.FromMilliseconds(50);
        var channelId = await _harness.Fake.StartCallAsync("+1", "100");

        await _harness.Client.PlayAsync(channelId, "p1", "sound:beep", CancellationToken.None);

        await _harness.Fake.WaitForAsync(s => s.Playbacks["p1"].State == "done", AriHarness.Timeout);
        Assert.Equal("PlaybackFinished", EventTypes(channelId)[^1]);
    }

    [Fact]
    public async Task PlayAsync_MissingMedia_FinishesWithStateFailed()
    {
        _harness.Fake.MarkMediaMissing("sound:custom/nope");
        var channelId = await _harness.Fake.StartCallAsync("+1", "100");

        await _harness.Client.PlayAsync(channelId, "p1", "sound:custom/nope", CancellationToken.None);

        Assert.Equal("failed", Assert.IsType<PlaybackFinished>(Decoded(channelId)[^1]).Playback.State);
    }

    [Fact]
    public async Task FinishPlaybackAsync_PlayingPlayback_SendsFinishedAndEmptiesTheChannelsPlaybacks()
    {
        var channelId = await _harness.Fake.StartCallAsync("+1", "100");
        await _harness.Client.PlayAsync(channelId, "p1", "sound:beep", CancellationToken.None);
        Assert.Equal(["p1"], _harness.Fake.GetChannel(channelId)!.ActivePlaybackIds);

        await _harness.Fake.FinishPlaybackAsync("p1");

        Assert.Empty(_harness.Fake.GetChannel(channelId)!.ActivePlaybackIds);
        Assert.Equal("PlaybackFinished", EventTypes(channelId)[^1]);
    }

    [Fact]
    public async Task StartCallAsync_Always_SendsEventsTheClientDecodesAsKnownTypes()
    {
        var channelId = await _harness.Fake.StartCallAsync("+4930123456", "100", "sales", "de");
        await _harness.Fake.SendDtmfAsync(channelId, "7");
        await _harness.Client.AnswerAsync(channelId, CancellationToken.None);
        await _harness.Client.PlayAsync(channelId, "p1", "sound:beep", CancellationToken.None);
        await _harness.Fake.FinishPlaybackAsync("p1");
        await _harness.Fake.CallerHangsUpAsync(channelId);

        var decoded = Decoded(channelId);

        Assert.DoesNotContain(decoded, e => e is UnknownAriEvent);
        Assert.All(decoded, e =>
        {
            Assert.Equal("crmrouter", e.Application);
            Assert.NotNull(e.AsteriskId);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$", e.Timestamp);
        });
        var start = Assert.IsType<StasisStart>(decoded[0]);
        Assert.Equal(["sales", "de"], start.Args);
        Assert.Equal("+4930123456", start.Channel.Caller.Number);
        Assert.Equal("crmrouter,sales,de", start.Channel.Dialplan.AppData);
    }

    private List<string> EventTypes(string channelId) =>
        [.. _harness.Fake.State.SentEvents.Where(e => e.ChannelId == channelId).Select(e => e.Type)];

    private List<AriEvent> Decoded(string channelId) =>
        [.. _harness.Fake.State.SentEvents.Where(e => e.ChannelId == channelId).Select(e => AriEventDecoder.Decode(Encoding.UTF8.GetBytes(e.Json)))];
}

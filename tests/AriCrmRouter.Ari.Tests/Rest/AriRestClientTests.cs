namespace AriCrmRouter.Ari.Tests.Rest;

public sealed class AriRestClientTests : AriHarnessTests
{
    [Fact]
    public async Task AnswerAsync_ChannelInStasis_SendsBasicHeaderAndSetsStateUp()
    {
        var channelId = Harness.Fake.AddChannelWithoutEvent("+4930123456", "100");

        await Client.AnswerAsync(channelId, CancellationToken.None);

        var command = Assert.Single(Harness.Fake.Commands);
        Assert.Equal("POST", command.Method);
        Assert.Equal($"/channels/{channelId}/answer", command.Path);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("router:s3cr3t-pa55"));
        Assert.Equal(expected, command.Authorization);
        Assert.Equal("Up", Harness.Fake.GetChannel(channelId)!.State);
    }

    [Fact]
    public async Task SetEventFilterAsync_AllowedTypes_PutsAsterisksFilterBodyAndAsteriskKeepsOnlyThose()
    {
        await Client.SetEventFilterAsync("crmrouter", ["StasisStart", "StasisEnd"], CancellationToken.None);

        var command = Assert.Single(Harness.Fake.Commands);
        Assert.Equal("PUT", command.Method);
        Assert.Equal("/applications/crmrouter/eventFilter", command.Path);
        Assert.Equal("""{"allowed":[{"type":"StasisStart"},{"type":"StasisEnd"}],"disallowed":[]}""", command.Body);
        Assert.Equal(["StasisEnd", "StasisStart"], Harness.Fake.AllowedEventTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SetEventFilterAsync_UnknownApplication_ThrowsWithStatus()
    {
        var ex = await Assert.ThrowsAsync<AriException>(() => Client.SetEventFilterAsync("other-app", ["StasisStart"], CancellationToken.None));

        Assert.True(ex.IsNotFound);
    }

    [Fact]
    public async Task ClaimAsync_FirstClaimOfABroadcast_WinsAndTheChannelEntersTheApplication()
    {
        var channelId = Harness.Fake.BroadcastCall("+4930123456", "100");

        Assert.True(await Client.ClaimAsync(channelId, Harness.Fake.Application, CancellationToken.None));

        var command = Assert.Single(Harness.Fake.Commands);
        Assert.Equal(("POST", "/events/claim"), (command.Method, command.Path));
        Assert.Equal(channelId, command.QueryValue("channelId"));
        Assert.True(Harness.Fake.GetChannel(channelId)!.InStasis);
    }

    [Fact]
    public async Task ClaimAsync_ClaimedElsewhereOrNotOnOffer_LosesWithoutThrowing()
    {
        var taken = Harness.Fake.BroadcastCall("+4930123456", "100", claimedElsewhere: true);

        Assert.False(await Client.ClaimAsync(taken, Harness.Fake.Application, CancellationToken.None));
        Assert.False(await Client.ClaimAsync("no-such-channel", Harness.Fake.Application, CancellationToken.None));
    }

    [Fact]
    public async Task EveryCommand_Sent_NeverPutsCredentialsInTheUrl()
    {
        var channelId = Harness.Fake.AddChannelWithoutEvent("+4930123456", "100");

        await Client.RingAsync(channelId, CancellationToken.None);
        await Client.SetVariableAsync(channelId, "CRM_STATUS", "GOLD", CancellationToken.None);
        await Client.PlayAsync(channelId, "p-1", "sound:hello-world", CancellationToken.None);
        await Client.StopPlaybackAsync("p-1", CancellationToken.None);
        await Client.GetChannelAsync(channelId, CancellationToken.None);
        await Client.GetApplicationAsync("crmrouter", CancellationToken.None);
        await Client.ContinueAsync(channelId, "queues", "600", 1, CancellationToken.None);

        var commands = Harness.Fake.Commands;
        Assert.Equal(7, commands.Count);
        Assert.All(commands, c =>
        {
            Assert.DoesNotContain("s3cr3t", c.RawTarget, StringComparison.Ordinal);
            Assert.DoesNotContain("api_key", c.RawTarget, StringComparison.Ordinal);
            Assert.StartsWith("Basic ", c.Authorization, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("s3cr3t", Harness.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_Sent_HttpClientWritesNoRequestLogs()
    {
        var channelId = Harness.Fake.AddChannelWithoutEvent("+4930123456", "100");

        await Client.AnswerAsync(channelId, CancellationToken.None);

        Assert.DoesNotContain(Harness.Logs.GetSnapshot(), r => r.Category?.StartsWith("System.Net.Http", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void AddAriClient_Registered_ResolvesClientConnectionAndTimeProvider()
    {
        Assert.IsType<AriRestClient>(Harness.Services.GetRequiredService<IAriClient>());
        Assert.Same(Harness.Services.GetRequiredService<AriEventConnection>(), Harness.Services.GetRequiredService<AriEventConnection>());
        Assert.Same(TimeProvider.System, Harness.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task SetVariableAsync_ValuesNeedingEscapes_ArriveUnchanged()
    {
        var channelId = Harness.Fake.AddChannelWithoutEvent("+4930123456", "100");
        const string value = "a b&c=d/e?f#g+h%i é";

        await Client.SetVariableAsync(channelId, "CRM_NOTE", value, CancellationToken.None);

        var command = Assert.Single(Harness.Fake.Commands);
        Assert.Equal("CRM_NOTE", command.QueryValue("variable"));
        Assert.Equal(value, command.QueryValue("value"));
        Assert.Equal(value, Harness.Fake.GetChannel(channelId)!.Variables["CRM_NOTE"]);
        Assert.Contains("a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%25i%20%C3%A9", command.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChannelAsync_IdNeedingEscapes_IsOneEscapedPathSegment()
    {
        var channel = await Client.GetChannelAsync("../applications/x y", CancellationToken.None);

        Assert.Null(channel);
        var command = Assert.Single(Harness.Fake.Commands);
        Assert.Equal("/channels/../applications/x y", command.Path);
        Assert.Equal("/ari/channels/..%2Fapplications%2Fx%20y", command.RawTarget);
    }

    [Fact]
    public async Task GetChannelAsync_ChannelInStasis_ReturnsChannelWithStasisDialplan()
    {
        var channelId = Harness.Fake.AddChannelWithoutEvent("+4930123456", "100", "sales");

        var channel = await Client.GetChannelAsync(channelId, CancellationToken.None);

        Assert.NotNull(channel);
        Assert.Equal(channelId, channel.Id);
        Assert.Equal("Ring", channel.State);
        Assert.Equal("+4930123456", channel.Caller.Number);
        Assert.Equal("from-trunk", channel.Dialplan.Context);
        Assert.Equal("100", channel.Dialplan.Exten);
        Assert.Equal("Stasis", channel.Dialplan.AppName);
        Assert.Equal("crmrouter,sales", channel.Dialplan.AppData);
    }

    [Fact]
    public async Task GetAsync_UnknownChannelOrApplication_ReturnsNull()
    {
        Assert.Null(await Client.GetChannelAsync("1.999", CancellationToken.None));
        Assert.Null(await Client.GetApplicationAsync("someone-else", CancellationToken.None));
    }

    [Fact]
    public async Task GetApplicationAsync_KnownApplication_ListsChannelsInStasisOnly()
    {
        var waiting = Harness.Fake.AddChannelWithoutEvent("+1", "100");
        var routed = Harness.Fake.AddChannelWithoutEvent("+2", "100");
        await Client.ContinueAsync(routed, "default-dest", "s", 1, CancellationToken.None);

        var application = await Client.GetApplicationAsync("crmrouter", CancellationToken.None);

        Assert.NotNull(application);
        Assert.Equal("crmrouter", application.Name);
        Assert.Equal([waiting], application.ChannelIds);
    }

    [Fact]
    public async Task PlayAsync_ChannelInStasis_ReturnsQueuedPlaybackForTheChannel()
    {
        var channelId = Harness.Fake.AddChannelWithoutEvent("+1", "100");

        var playback = await Client.PlayAsync(channelId, "greeting-1", "sound:hello-world", CancellationToken.None);

        Assert.Equal("greeting-1", playback.Id);
        Assert.Equal("sound:hello-world", playback.MediaUri);
        Assert.Equal(channelId, playback.ChannelId);
        Assert.Equal("queued", playback.State);
        Assert.Equal("playing", Harness.Fake.State.Playbacks["greeting-1"].State);
    }

    [Fact]
    public async Task StopPlaybackAsync_PlaybackAlreadyGone_DoesNotThrow()
    {
        await Client.StopPlaybackAsync("never-existed", CancellationToken.None);

        Assert.Equal("/playbacks/never-existed", Assert.Single(Harness.Fake.Commands).Path);
    }

    [Fact]
    public async Task ContinueAsync_ChannelInStasis_LandsWhereAsked()
    {
        var channelId = Harness.Fake.AddChannelWithoutEvent("+1", "100");

        await Client.ContinueAsync(channelId, "queues", "600", 3, CancellationToken.None);

        var channel = Harness.Fake.GetChannel(channelId)!;
        Assert.False(channel.InStasis);
        Assert.Equal(new("queues", "600", 3), channel.Landing);
        Assert.Equal("3", Assert.Single(Harness.Fake.Commands).QueryValue("priority"));
    }
}

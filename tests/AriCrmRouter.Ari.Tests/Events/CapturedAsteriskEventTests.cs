using System.Text.Json;
using AriCrmRouter.Ari.Json;

namespace AriCrmRouter.Ari.Tests.Events;

/// <summary>Messages captured from a real Asterisk 22.10 (TestData/asterisk22) decode into the client's types.</summary>
public sealed class CapturedAsteriskEventTests
{
    private static string Captured(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "asterisk22", name));

    private static AriEvent Decode(string name) => AriEventDecoder.Decode(System.Text.Encoding.UTF8.GetBytes(Captured(name)));

    [Fact]
    public void Decode_CapturedStasisStartWithArgs_ReadsChannelDialplanAndArgs()
    {
        var start = Assert.IsType<StasisStart>(Decode("StasisStart-with-args.json"));

        Assert.Equal(["support-by-status"], start.Args);
        Assert.Equal("1795548122.9", start.ChannelId);
        Assert.Equal("15550105", start.Channel.Caller.Number);
        Assert.Equal("Stasis", start.Channel.Dialplan.AppName);
        Assert.Equal("crmrouter,support-by-status", start.Channel.Dialplan.AppData);
        Assert.Equal("crmrouter", start.Application);
    }

    [Fact]
    public void Decode_CapturedStasisStartOnADid_ReadsTheDialedExtension()
    {
        var start = Assert.IsType<StasisStart>(Decode("StasisStart.json"));

        Assert.Empty(start.Args);
        Assert.False(string.IsNullOrEmpty(start.Channel.Dialplan.Exten));
    }

    [Theory]
    [InlineData("ChannelDtmfReceived.json")]
    [InlineData("ChannelDtmfReceived-pound.json")]
    public void Decode_CapturedDtmf_ReadsOneDigitForItsChannel(string file)
    {
        var dtmf = Assert.IsType<ChannelDtmfReceived>(Decode(file));

        Assert.Single(dtmf.Digit);
        Assert.NotNull(dtmf.ChannelId);
    }

    [Fact]
    public void Decode_CapturedPoundKey_IsTheHashDigit()
    {
        Assert.Equal("#", Assert.IsType<ChannelDtmfReceived>(Decode("ChannelDtmfReceived-pound.json")).Digit);
    }

    [Theory]
    [InlineData("PlaybackFinished.json", "done")]
    [InlineData("PlaybackFinished-stopped-by-delete.json", "done")]
    [InlineData("PlaybackFinished-missing-sound.json", "failed")]
    [InlineData("PlaybackFinished-caller-hung-up.json", "failed")]
    public void Decode_CapturedPlaybackFinished_ReadsItsStateAndChannel(string file, string state)
    {
        var finished = Assert.IsType<PlaybackFinished>(Decode(file));

        Assert.Equal(state, finished.Playback.State);
        Assert.NotNull(finished.ChannelId);
    }

    [Theory]
    [InlineData("PlaybackStarted.json", typeof(PlaybackStarted))]
    [InlineData("ChannelStateChange.json", typeof(ChannelStateChange))]
    [InlineData("ChannelHangupRequest.json", typeof(ChannelHangupRequest))]
    [InlineData("StasisEnd.json", typeof(StasisEnd))]
    [InlineData("ChannelDestroyed.json", typeof(ChannelDestroyed))]
    [InlineData("ChannelVarset.json", typeof(UnknownAriEvent))]
    public void Decode_CapturedEvent_HasItsTypeAndAChannel(string file, Type expected)
    {
        var decoded = Decode(file);

        Assert.IsType(expected, decoded);
        if (expected != typeof(UnknownAriEvent))
        {
            Assert.NotNull(decoded.ChannelId);
        }
    }

    [Fact]
    public void Deserialize_CapturedChannel_ReadsStateAndDialplan()
    {
        var channel = JsonSerializer.Deserialize(Captured("rest-get-channel-200.json"), AriJsonContext.Default.Channel)!;

        Assert.False(string.IsNullOrEmpty(channel.Id));
        Assert.Equal("Stasis", channel.Dialplan.AppName);
    }

    [Fact]
    public void Deserialize_CapturedApplication_ListsItsChannels()
    {
        var application = JsonSerializer.Deserialize(Captured("rest-get-application-200.json"), AriJsonContext.Default.Application)!;

        Assert.Equal("crmrouter", application.Name);
        Assert.Equal(["1795548039.0"], application.ChannelIds);
    }

    [Fact]
    public void Deserialize_CapturedPlaybackAnswer_TargetsTheChannel()
    {
        var playback = JsonSerializer.Deserialize(Captured("rest-post-channel-play-201.json"), AriJsonContext.Default.Playback)!;

        Assert.NotNull(playback.ChannelId);
        Assert.StartsWith("sound:", playback.MediaUri, StringComparison.Ordinal);
    }
}

namespace AriCrmRouter.Ari.Tests.Events;

public sealed class AriEventDecoderTests
{
    // Shaped like Asterisk 22's websocket messages (field order, protocol_id, accountcode and all).
    private const string ChannelJson = """
        {"id":"1764011442.7","name":"PJSIP/trunk-00000007","state":"Ring","protocol_id":"a84b@10.0.0.1",
         "caller":{"name":"Alice","number":"+4930123456"},"connected":{"name":"","number":""},"accountcode":"",
         "dialplan":{"context":"from-trunk","exten":"100","priority":2,"app_name":"Stasis","app_data":"crmrouter,sales"},
         "creationtime":"2026-11-24T19:10:42.123+0000","language":"en"}
        """;

    private const string PlaybackJson = """
        {"id":"greeting-1","media_uri":"sound:hello-world","target_uri":"channel:1764011442.7","language":"en","state":"done"}
        """;

    [Fact]
    public void Decode_StasisStart_ReturnsArgsAndChannel()
    {
        var decoded = Decode($$"""{"type":"StasisStart","timestamp":"2026-11-24T19:10:42.200+0000","args":["sales","x"],"channel":{{ChannelJson}},"asterisk_id":"02:42:ac:11:00:02","application":"crmrouter"}""");

        var start = Assert.IsType<StasisStart>(decoded);
        Assert.Equal(["sales", "x"], start.Args);
        Assert.Equal("1764011442.7", start.ChannelId);
        Assert.Equal("+4930123456", start.Channel.Caller.Number);
        Assert.Equal("Ring", start.Channel.State);
        Assert.Equal("Stasis", start.Channel.Dialplan.AppName);
        Assert.Equal("crmrouter,sales", start.Channel.Dialplan.AppData);
        Assert.Equal(2, start.Channel.Dialplan.Priority);
        Assert.Equal("crmrouter", start.Application);
        Assert.Equal("02:42:ac:11:00:02", start.AsteriskId);
        Assert.Equal("2026-11-24T19:10:42.200+0000", start.Timestamp);
    }

    [Fact]
    public void Decode_CallBroadcast_ReturnsTheOfferedChannelAndItsNumbers()
    {
        var decoded = Decode($$"""{"type":"CallBroadcast","timestamp":"2026-11-24T19:10:42.100+0000","channel":{{ChannelJson}},"caller":"+4930123456","called":"100","asterisk_id":"02:42:ac:11:00:02","application":"crmrouter-a"}""");

        var offer = Assert.IsType<CallBroadcast>(decoded);
        Assert.Equal("1764011442.7", offer.ChannelId);
        Assert.Equal(("+4930123456", "100"), (offer.Caller, offer.Called));
        Assert.Equal("crmrouter-a", offer.Application);
    }

    [Theory]
    [InlineData("StasisEnd", typeof(StasisEnd))]
    [InlineData("ChannelStateChange", typeof(ChannelStateChange))]
    [InlineData("ChannelDtmfReceived", typeof(ChannelDtmfReceived))]
    [InlineData("ChannelHangupRequest", typeof(ChannelHangupRequest))]
    [InlineData("ChannelDestroyed", typeof(ChannelDestroyed))]
    public void Decode_ChannelEventType_ReturnsMatchingRecordWithChannelId(string type, Type expected)
    {
        var decoded = Decode($$"""{"type":"{{type}}","timestamp":"2026-11-24T19:10:43.000+0000","channel":{{ChannelJson}},"asterisk_id":"a","application":"crmrouter"}""");

        Assert.IsType(expected, decoded);
        Assert.Equal(type, decoded.Type);
        Assert.Equal("1764011442.7", decoded.ChannelId);
    }

    [Fact]
    public void Decode_ChannelDtmfReceived_ReadsDigitAndDuration()
    {
        var decoded = Decode($$"""{"type":"ChannelDtmfReceived","digit":"#","duration_ms":160,"channel":{{ChannelJson}}}""");

        var dtmf = Assert.IsType<ChannelDtmfReceived>(decoded);
        Assert.Equal("#", dtmf.Digit);
        Assert.Equal(160, dtmf.DurationMs);
    }

    [Fact]
    public void Decode_ChannelHangupRequest_ReadsCauseAndSoft()
    {
        var decoded = Decode($$"""{"type":"ChannelHangupRequest","cause":16,"soft":true,"channel":{{ChannelJson}}}""");

        var hangup = Assert.IsType<ChannelHangupRequest>(decoded);
        Assert.Equal(16, hangup.Cause);
        Assert.True(hangup.Soft);
    }

    [Fact]
    public void Decode_ChannelDestroyed_ReadsCauseText()
    {
        var decoded = Decode($$"""{"type":"ChannelDestroyed","cause":16,"cause_txt":"Normal Clearing","channel":{{ChannelJson}}}""");

        var destroyed = Assert.IsType<ChannelDestroyed>(decoded);
        Assert.Equal(16, destroyed.Cause);
        Assert.Equal("Normal Clearing", destroyed.CauseText);
    }

    [Theory]
    [InlineData("PlaybackStarted", typeof(PlaybackStarted))]
    [InlineData("PlaybackFinished", typeof(PlaybackFinished))]
    public void Decode_PlaybackEvent_ReturnsPlaybackWithTargetChannel(string type, Type expected)
    {
        var decoded = Decode($$"""{"type":"{{type}}","timestamp":"2026-11-24T19:10:44.000+0000","playback":{{PlaybackJson}},"asterisk_id":"a","application":"crmrouter"}""");

        Assert.IsType(expected, decoded);
        var playback = ((PlaybackEvent)decoded).Playback;
        Assert.Equal("greeting-1", playback.Id);
        Assert.Equal("sound:hello-world", playback.MediaUri);
        Assert.Equal("done", playback.State);
        Assert.Equal("1764011442.7", decoded.ChannelId);
    }

    [Fact]
    public void Decode_ApplicationReplaced_ReturnsRecordWithoutChannel()
    {
        var decoded = Decode("""{"type":"ApplicationReplaced","timestamp":"2026-11-24T19:10:45.000+0000","asterisk_id":"a","application":"crmrouter"}""");

        Assert.IsType<ApplicationReplaced>(decoded);
        Assert.Null(decoded.ChannelId);
        Assert.Equal("crmrouter", decoded.Application);
    }

    [Fact]
    public void Decode_UnknownType_ReturnsUnknownEventWithItsType()
    {
        var decoded = Decode($$"""{"type":"ChannelVarset","variable":"X","value":"1","channel":{{ChannelJson}},"application":"crmrouter"}""");

        var unknown = Assert.IsType<UnknownAriEvent>(decoded);
        Assert.Equal("ChannelVarset", unknown.Type);
        Assert.Equal("crmrouter", unknown.Application);
        Assert.Null(unknown.ChannelId);
    }

    [Fact]
    public void Decode_TypeAfterOtherPropertiesAndExtraFields_Decodes()
    {
        var decoded = Decode($$"""{"future_field":{"nested":[1,2,{"type":"decoy"}]},"channel":{{ChannelJson}},"digit":"5","type":"ChannelDtmfReceived","tenantid":"t1"}""");

        Assert.Equal("5", Assert.IsType<ChannelDtmfReceived>(decoded).Digit);
    }

    [Fact]
    public void Decode_MinimalChannel_UsesDefaultsForMissingMembers()
    {
        var decoded = Decode("""{"type":"StasisEnd","channel":{"id":"1.1"}}""");

        var end = Assert.IsType<StasisEnd>(decoded);
        Assert.Equal("1.1", end.ChannelId);
        Assert.Equal("", end.Channel.Caller.Number);
        Assert.Null(end.Channel.Dialplan.AppName);
        Assert.Null(end.Application);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"type":"StasisStart","channel":{"id":"1.1"}""")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    [InlineData("""{"application":"crmrouter"}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("""{"type":"StasisStart","args":[]}""")]
    [InlineData("""{"type":"ChannelDtmfReceived","digit":"1","channel":{"name":"no id"}}""")]
    [InlineData("""{"type":"ChannelDtmfReceived","digit":"1","duration_ms":"long","channel":{"id":"1.1"}}""")]
    public void Decode_MalformedOrIncompleteMessage_ThrowsDecodeException(string message)
    {
        var exception = Assert.Throws<AriEventDecodeException>(() => Decode(message));

        Assert.DoesNotContain("no id", exception.Message, StringComparison.Ordinal);
    }

    private static AriEvent Decode(string json) => AriEventDecoder.Decode(Encoding.UTF8.GetBytes(json));
}

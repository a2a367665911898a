namespace AriCrmRouter.Ari.Tests;

public sealed class AriUrisTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8088/ari", "http://127.0.0.1:8088/ari/")]
    [InlineData("http://127.0.0.1:8088/ari/", "http://127.0.0.1:8088/ari/")]
    [InlineData("https://pbx.example.com/asterisk/ari//", "https://pbx.example.com/asterisk/ari/")]
    public void RestBase_AnyTrailingSlashes_EndsWithExactlyOne(string baseUrl, string expected)
    {
        Assert.Equal(expected, AriUris.RestBase(new Uri(baseUrl)).ToString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:8088/ari", "ws://127.0.0.1:8088/ari/events?app=crmrouter&subscribeAll=false")]
    [InlineData("https://pbx.example.com/ari/", "wss://pbx.example.com/ari/events?app=crmrouter&subscribeAll=false")]
    [InlineData("https://pbx.example.com:8089/ari", "wss://pbx.example.com:8089/ari/events?app=crmrouter&subscribeAll=false")]
    public void EventsWebSocket_HttpOrHttps_UsesWsOrWssAndTheApplication(string baseUrl, string expected)
    {
        Assert.Equal(expected, AriUris.EventsWebSocket(new Uri(baseUrl), "crmrouter").ToString());
    }

    [Fact]
    public void EventsWebSocket_ApplicationNeedingEscapes_IsEscaped()
    {
        var uri = AriUris.EventsWebSocket(new Uri("http://h/ari"), "a&b c");

        Assert.Equal("?app=a%26b%20c&subscribeAll=false", uri.Query);
    }

    [Fact]
    public void EventsWebSocket_FtpBaseUrl_Throws()
    {
        Assert.Throws<ArgumentException>(() => AriUris.EventsWebSocket(new Uri("ftp://h/ari"), "crmrouter"));
    }
}

namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

public sealed class VendorAnswerTests
{
    [Fact]
    public async Task RetryAfter_HttpDate_IsTimeUntilThatDate()
    {
        var clock = ConnectorTestHost.NewClock();
        var at = clock.GetUtcNow().AddSeconds(90).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        await using var server = await FakeHttpServer.StartAsync(app => app.MapGet("/", () => new HeaderResult(Results.StatusCode(429), "Retry-After", at)));

        var answer = await Send(server, maxBytes: 1024);

        Assert.Equal(TimeSpan.FromSeconds(90), answer.RetryAfter(clock));
    }

    [Fact]
    public async Task SendAsync_ChunkedBodyOverLimit_ThrowsMalformedResponse()
    {
        await using var server = await FakeHttpServer.StartAsync(app => app.MapGet("/", async (HttpResponse response) =>
        {
            for (var i = 0; i < 8; i++)
            {
                await response.WriteAsync(new string('x', 512));
                await response.Body.FlushAsync();
            }
        }));

        var failure = await Assert.ThrowsAsync<CrmLookupException>(() => Send(server, maxBytes: 1024));

        Assert.Equal(CrmFailureKind.MalformedResponse, failure.Kind);
    }

    [Fact]
    public async Task SendAsync_NothingListening_ThrowsUnavailable()
    {
        var server = await FakeHttpServer.StartAsync(app => app.MapGet("/", () => "ok"));
        await server.DisposeAsync();

        var failure = await Assert.ThrowsAsync<CrmLookupException>(() => Send(server, maxBytes: 1024));

        Assert.Equal(CrmFailureKind.Unavailable, failure.Kind);
    }

    private static async Task<VendorAnswer> Send(FakeHttpServer server, int maxBytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUri);
        return await VendorHttp.SendAsync(ConnectorTestHost.HttpClientFactory.CreateClient(Http.CrmHttp.ClientName), request, maxBytes, ConnectorTestHost.NewClock(), "test", "probe", CancellationToken.None);
    }
}

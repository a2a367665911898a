namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

public sealed class VendorHttpTimeoutTests
{
    [Fact]
    public async Task SendAsync_AttemptTimeoutOfTheResilienceHandler_ThrowsUnavailable()
    {
        using var http = new HttpClient(new TimingOutHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://crm.example/");

        var failure = await Assert.ThrowsAsync<CrmLookupException>(() =>
            VendorHttp.SendAsync(http, request, 1024, ConnectorTestHost.NewClock(), "main", "search", CancellationToken.None));

        Assert.Equal(CrmFailureKind.Unavailable, failure.Kind);
        Assert.Contains("timed out", failure.Message, StringComparison.Ordinal);
    }

    private sealed class TimingOutHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new Polly.Timeout.TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:01'.");
    }
}

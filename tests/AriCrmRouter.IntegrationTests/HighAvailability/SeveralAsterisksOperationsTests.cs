using System.Net;
using System.Text.Json;
using AriCrmRouter.IntegrationTests.Observability;
using AriCrmRouter.TestKit.Ari;

namespace AriCrmRouter.IntegrationTests.HighAvailability;

/// <summary>
/// What an operator sees of a router serving two Asterisk servers: metrics by server, and a readiness that stays
/// ready (Degraded, naming the server) while one server is away and turns unavailable only when no server is left.
/// </summary>
[Collection(ProcessWideMetrics.Name)]
public sealed class SeveralAsterisksOperationsTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly LiveRouter _stack = new();
    private readonly HttpClient _http = new();
    private FakeAriServer _pbx2 = null!;

    private FakeAriServer Pbx1 => _stack.Ari;

    public async Task InitializeAsync()
    {
        await _stack.InitializeAsync();
        _pbx2 = await FakeAriServer.StartAsync("crmrouter", "pbx2-Pa55word", "crmrouter");
        await _stack.ImportRulesAsync(VipRule.Json);
        await _stack.StartRouterAsync(TwoAsterisks.Settings(Pbx1, _pbx2));
        await _pbx2.WaitForAsync(s => s.ConnectedClients == 1, Patience);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _stack.DisposeAsync();
        await _pbx2.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_CallsOnBothServers_AreCountedByServer()
    {
        await _stack.LandingOfAsync(await Pbx1.StartCallAsync("+14155550100", "5551000"));
        var onPbx2 = await _pbx2.StartCallAsync("+14155550100", "5551000");
        await _pbx2.WaitForAsync(s => s.Channel(onPbx2)?.Landing is not null, Patience);

        var scrape = await ScrapeUntilAsync(s => s.Value("crmrouter_calls_total", ("crmrouter_server", "pbx2")) == 1);

        Assert.Equal(1, scrape.Value("crmrouter_calls_total", ("crmrouter_server", "pbx1"), ("crmrouter_rule", "vip")));
        Assert.Equal(0, scrape.Value("crmrouter_calls_active", ("crmrouter_server", "pbx1")));
        Assert.Equal(0, scrape.Value("crmrouter_calls_active", ("crmrouter_server", "pbx2")));
        Assert.Equal(1, scrape.Value("crmrouter_ari_connection_state", ("crmrouter_server", "pbx1")));
        Assert.Equal(1, scrape.Value("crmrouter_ari_connection_state", ("crmrouter_server", "pbx2")));
    }

    [Fact]
    public async Task Readyz_OneServerAwayThenBoth_DegradedNamingItThenUnavailable()
    {
        var both = await ReadinessUntilAsync(r => r.Overall == "Healthy");
        Assert.Equal(("Healthy", "Healthy", "Healthy"), (both.Checks["ari"], both.Checks["ari:pbx1"], both.Checks["ari:pbx2"]));

        _pbx2.RefuseConnections = true;
        await _pbx2.DisconnectClientsAsync();
        var one = await ReadinessUntilAsync(r => r.Checks["ari:pbx2"] == "Degraded");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (one.Status, one.Overall));
        Assert.Equal(("Degraded", "Healthy"), (one.Checks["ari"], one.Checks["ari:pbx1"]));
        Assert.Contains("pbx2", one.Descriptions["ari"], StringComparison.Ordinal);
        Assert.Equal(0, (await ScrapeUntilAsync(s => s.Value("crmrouter_ari_connection_state", ("crmrouter_server", "pbx2")) == 0))
            .Value("crmrouter_ari_connection_state", ("crmrouter_server", "pbx2")));

        Pbx1.RefuseConnections = true;
        await Pbx1.DisconnectClientsAsync();
        var none = await ReadinessUntilAsync(r => r.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(("Unhealthy", "Unhealthy"), (none.Overall, none.Checks["ari"]));
    }

    private async Task<Readiness> ReadReadinessAsync()
    {
        using var response = await _http.GetAsync(new Uri(_stack.OperationsAddress, "/readyz"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().ToList();
        return new Readiness(
            response.StatusCode,
            body.RootElement.GetProperty("status").GetString()!,
            checks.ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!, StringComparer.Ordinal),
            checks.ToDictionary(c => c.Name, c => c.Value.GetProperty("description").GetString()!, StringComparer.Ordinal));
    }

    private async Task<Readiness> ReadinessUntilAsync(Func<Readiness, bool> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        var readiness = await ReadReadinessAsync();
        while (!condition(readiness) && TimeProvider.System.GetElapsedTime(started) < Patience)
        {
            await Task.Delay(50);
            readiness = await ReadReadinessAsync();
        }

        Assert.True(condition(readiness), $"/readyz stayed {readiness.Status} {readiness.Overall}: {string.Join(", ", readiness.Checks)}");
        return readiness;
    }

    private async Task<PrometheusScrape> ScrapeUntilAsync(Func<PrometheusScrape, bool> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        var scrape = await PrometheusScrape.ReadAsync(_http, _stack.OperationsAddress);
        while (!condition(scrape) && TimeProvider.System.GetElapsedTime(started) < Patience)
        {
            await Task.Delay(50);
            scrape = await PrometheusScrape.ReadAsync(_http, _stack.OperationsAddress);
        }

        Assert.True(condition(scrape), "the metrics never reached the expected state:\n" + scrape.Text);
        return scrape;
    }

    private sealed record Readiness(HttpStatusCode Status, string Overall, Dictionary<string, string> Checks, Dictionary<string, string> Descriptions);
}

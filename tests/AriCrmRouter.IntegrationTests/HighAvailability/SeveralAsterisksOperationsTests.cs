using System.Net;
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
    private readonly TwoAsterisks _servers = new();
    private readonly OperationsProbe _operations;

    public SeveralAsterisksOperationsTests() => _operations = new OperationsProbe(_servers.Stack, Patience);

    private FakeAriServer Pbx1 => _servers.Pbx1;

    private FakeAriServer Pbx2 => _servers.Pbx2;

    public async Task InitializeAsync()
    {
        await _servers.StartAsync();
        await _servers.Stack.StartRouterAsync(_servers.Settings());
        await Pbx2.WaitForAsync(s => s.ConnectedClients == 1, Patience);
    }

    public async Task DisposeAsync()
    {
        _operations.Dispose();
        await _servers.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_CallsOnBothServers_AreCountedByServer()
    {
        await _servers.Stack.LandingOfAsync(await Pbx1.StartCallAsync("+14155550100", "5551000"));
        var onPbx2 = await Pbx2.StartCallAsync("+14155550100", "5551000");
        await Pbx2.WaitForAsync(s => s.Channel(onPbx2)?.Landing is not null, Patience);

        var scrape = await _operations.ScrapeUntilAsync(s => s.Value("crmrouter_calls_total", ("crmrouter_server", "pbx2")) == 1);

        Assert.Equal(1, scrape.Value("crmrouter_calls_total", ("crmrouter_server", "pbx1"), ("crmrouter_rule", "vip")));
        Assert.Equal(0, scrape.Value("crmrouter_calls_active", ("crmrouter_server", "pbx1")));
        Assert.Equal(0, scrape.Value("crmrouter_calls_active", ("crmrouter_server", "pbx2")));
        Assert.Equal(1, scrape.Value("crmrouter_ari_connection_state", ("crmrouter_server", "pbx1")));
        Assert.Equal(1, scrape.Value("crmrouter_ari_connection_state", ("crmrouter_server", "pbx2")));
    }

    [Fact]
    public async Task Readyz_OneServerAwayThenBoth_DegradedNamingItThenUnavailable()
    {
        var both = await _operations.ReadinessUntilAsync(r => r.Overall == "Healthy");
        Assert.Equal(("Healthy", "Healthy", "Healthy"), (both.Checks["ari"], both.Checks["ari:pbx1"], both.Checks["ari:pbx2"]));

        Pbx2.RefuseConnections = true;
        await Pbx2.DisconnectClientsAsync();
        var one = await _operations.ReadinessUntilAsync(r => r.Checks["ari:pbx2"] == "Degraded");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (one.Status, one.Overall));
        Assert.Equal(("Degraded", "Healthy"), (one.Checks["ari"], one.Checks["ari:pbx1"]));
        Assert.Contains("pbx2", one.Descriptions["ari"], StringComparison.Ordinal);
        Assert.Equal(0, (await _operations.ScrapeUntilAsync(s => s.Value("crmrouter_ari_connection_state", ("crmrouter_server", "pbx2")) == 0))
            .Value("crmrouter_ari_connection_state", ("crmrouter_server", "pbx2")));

        Pbx1.RefuseConnections = true;
        await Pbx1.DisconnectClientsAsync();
        var none = await _operations.ReadinessUntilAsync(r => r.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(("Unhealthy", "Unhealthy"), (none.Overall, none.Checks["ari"]));
    }
}

using System.Net;
using StackExchange.Redis;

namespace AriCrmRouter.IntegrationTests.Observability;

/// <summary>
/// The operations endpoint of the router as deployed: metrics scraped after real calls over the fake ARI, a real
/// Redis and the HTTPS fake CRM; readiness as ARI and Redis go away and come back.
/// </summary>
[Collection(ProcessWideMetrics.Name)]
public sealed class OperationsEndpointTests : IAsyncLifetime
{
    /// <summary>DID 5557000: DID rule metered; DID 5557001: IVR rule metered-ivr.</summary>
    private static readonly string Rules = RuleJson.File(
        [RuleJson.Did("metered", [RuleJson.Row("=", "gold", "queue", "103")], lookupTimeoutMs: 3000), RuleJson.Ivr("metered-ivr", [RuleJson.Row("=", "GOLD", "queue", "103")])],
        ("5557000", "metered"),
        ("5557001", "metered-ivr"));

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly LiveRouter _stack = new();
    private readonly OperationsProbe _operations;

    public OperationsEndpointTests() => _operations = new OperationsProbe(_stack, Patience);

    public async Task InitializeAsync()
    {
        await _stack.InitializeAsync();
        await _stack.StartRouterWithRulesAsync(Rules);
    }

    public async Task DisposeAsync()
    {
        _operations.Dispose();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_AfterRealCalls_CountCallsLookupsCacheAndConnectionState()
    {
        var crm = $"{_stack.Crm.LookupUrl.Host}:{_stack.Crm.LookupUrl.Port}";
        await _stack.LandingOfAsync(await _stack.Ari.StartCallAsync("+14155550100", "5557000"));
        await CachedAnswerWrittenAsync(); // the answer is cached after the call: the next one must hit
        await _stack.LandingOfAsync(await _stack.Ari.StartCallAsync("+14155550100", "5557000"));
        await _stack.LandingOfAsync(await _stack.Ari.StartCallAsync("+14155550177", "5557000"));
        await _stack.LandingOfAsync(await _stack.Ari.StartCallAsync("+14155550100", "5550999"));
        var hangUp = await _stack.Ari.StartCallAsync("+14155550100", "5557001");
        await _stack.Ari.WaitForAsync(s => s.Playbacks.Values.Any(p => p.ChannelId == hangUp), Patience);
        await _stack.Ari.CallerHangsUpAsync(hangUp);

        var scrape = await _operations.ScrapeUntilAsync(s => s.Value("crmrouter_calls_total", ("crmrouter_rule", "metered-ivr")) == 1 && s.Value("crmrouter_calls_active") == 0);

        Assert.Equal(2, Calls(scrape, "continued", "row-matched", "metered"));
        Assert.Equal(1, Calls(scrape, "continued", "value-not-found", "metered"));
        Assert.Equal(1, Calls(scrape, "continued", "rule-not-found", "(none)"));
        Assert.Equal(1, Calls(scrape, "caller-hung-up", "caller-hung-up", "metered-ivr"));
        Assert.Equal(1, scrape.Value("crmrouter_crm_cache_requests_total", ("crmrouter_crm", crm), ("crmrouter_cache_result", "hit")));
        Assert.Equal(2, scrape.Value("crmrouter_crm_cache_requests_total", ("crmrouter_crm", crm), ("crmrouter_cache_result", "miss")));
        Assert.Equal(2, scrape.Value("crmrouter_crm_lookup_duration_seconds_count", ("crmrouter_crm", crm), ("crmrouter_lookup_result", "found")));
        Assert.Equal(1, scrape.Value("crmrouter_crm_lookup_duration_seconds_count", ("crmrouter_crm", crm), ("crmrouter_lookup_result", "not_found")));
        Assert.Equal(3, scrape.Value("crmrouter_crm_lookup_duration_seconds_bucket", ("crmrouter_crm", crm), ("le", "+Inf")));
        Assert.Equal(0, scrape.Value("crmrouter_crm_circuit_breaker_state", ("crmrouter_crm", crm)));
        Assert.Equal(1, scrape.Value("crmrouter_ari_connection_state", ("crmrouter_ari_application", "crmrouter")));
        Assert.Equal(0, scrape.Value("crmrouter_calls_active"));
        Assert.Equal(_stack.Rules.Version, scrape.Value("crmrouter_rules_version"));
        Assert.True(scrape.Value("crmrouter_rules_age_seconds") >= 0, scrape.Text);
        Assert.Equal(0, scrape.Value("crmrouter_rules_stale"));
    }

    [Fact]
    public async Task Readyz_AriGoesAwayAndComesBack_TurnsUnavailableThenReadyAndCountsTheReconnect()
    {
        var ready = await _operations.ReadinessAsync();
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Overall));

        _stack.Ari.RefuseConnections = true;
        await _stack.Ari.DisconnectClientsAsync();
        var away = await _operations.ReadinessUntilAsync(r => r.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", away.Overall);
        Assert.Equal("Unhealthy", away.Checks["ari"]);

        _stack.Ari.RefuseConnections = false;
        var back = await _operations.ReadinessUntilAsync(r => r.Status == HttpStatusCode.OK);
        Assert.Equal("Healthy", back.Overall);
        var scrape = await _operations.ScrapeUntilAsync(s => s.Value("crmrouter_ari_connection_state") == 1);
        Assert.Equal(1, scrape.Value("crmrouter_ari_reconnects_total", ("crmrouter_ari_application", "crmrouter")));
    }

    [Fact]
    public async Task Readyz_RedisGoesAwayAndComesBack_DegradedWithTheLastGoodRulesThenHealthy()
    {
        await _stack.Redis.StopAsync();
        var away = await _operations.ReadinessUntilAsync(r => r.Checks["rules"] == "Degraded" && r.Checks["redis"] == "Degraded");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (away.Status, away.Overall)); // still routing with the last good rules
        var down = await _operations.ScrapeUntilAsync(s => s.Value("crmrouter_rules_stale") == 1);
        Assert.True(down.Value("crmrouter_redis_errors_total") >= 1, down.Text);

        await _stack.Redis.StartAsync(); // empty: the rules are imported again, as after a Redis restart without persistence
        await _stack.ImportRulesAsync(Rules);
        var back = await _operations.ReadinessUntilAsync(r => r.Overall == "Healthy");
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Equal(0, (await _operations.ScrapeUntilAsync(s => s.Value("crmrouter_rules_stale") == 0)).Value("crmrouter_rules_stale"));
    }

    [Fact]
    public async Task Healthz_WhileAriIsAway_StillAnswersAlive()
    {
        _stack.Ari.RefuseConnections = true;
        await _stack.Ari.DisconnectClientsAsync();
        await _operations.ReadinessUntilAsync(r => r.Status == HttpStatusCode.ServiceUnavailable);

        using var response = await _operations.Http.GetAsync(new Uri(_stack.OperationsAddress, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alive", (await response.Content.ReadAsStringAsync()).Trim());
    }

    private async Task CachedAnswerWrittenAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_stack.Redis.Configuration);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var started = TimeProvider.System.GetTimestamp();
        while (!server.Keys(pattern: $"{_stack.Prefix}cache:*").Any() && TimeProvider.System.GetElapsedTime(started) < Patience)
        {
            await Task.Delay(20);
        }

        Assert.True(server.Keys(pattern: $"{_stack.Prefix}cache:*").Any(), "the CRM answer was never cached");
    }

    private static double? Calls(PrometheusScrape scrape, string outcome, string reason, string rule) => scrape.Value(
        "crmrouter_calls_total", ("crmrouter_call_outcome", outcome), ("crmrouter_call_reason", reason), ("crmrouter_rule", rule));
}

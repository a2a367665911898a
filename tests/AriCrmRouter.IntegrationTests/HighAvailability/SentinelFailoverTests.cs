using Xunit.Abstractions;

namespace AriCrmRouter.IntegrationTests.HighAvailability;

/// <summary>
/// The router and the admin CLI on a real Redis Sentinel deployment (master, replica, Sentinel): when the
/// master dies, calls keep routing from memory, and once Sentinel has promoted the replica the router, its
/// CRM answer cache and the admin's writes all work against the new master, without a restart.
/// </summary>
public sealed class SentinelFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{

    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(30);
    private readonly LiveRouter _stack = LiveRouter.OnSentinel();

    public async Task InitializeAsync()
    {
        await _stack.InitializeAsync();
        await _stack.StartRouterWithRulesAsync(RuleJson.Vip(lookupTimeoutMs: 3000));
    }

    public Task DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task MasterKilled_CallsRouteFromMemoryThenRulesCacheAndAdminWritesUseThePromotedReplica()
    {
        Assert.Equal("103", (await _stack.LandingOfAsync(await _stack.Ari.StartCallAsync("+14155550100", "5551000"))).Extension);

        var sinceKill = System.Diagnostics.Stopwatch.StartNew();
        await _stack.Sentinel!.KillMasterAsync();

        // No master at all: the rules in memory still route, and the CRM answers the lookup the cache cannot.
        _stack.Crm.Add("+14155550102", ("status", "GOLD"));
        Assert.Equal("103", (await _stack.LandingOfAsync(await _stack.Ari.StartCallAsync("+14155550102", "5551000"), FailoverBound)).Extension);
        await _stack.Sentinel.WaitForPromotionAsync();
        var promoted = sinceKill.Elapsed;

        await _stack.ImportRulesAsync(RuleJson.Vip(goldQueue: "104", lookupTimeoutMs: 3000));
        var imported = sinceKill.Elapsed;
        await _stack.WaitForRulesAsync(r => r.Current.FindByName("vip")!.Rows[0].Destination.Target == "104", FailoverBound);
        output.WriteLine($"master killed; replica promoted after {promoted.TotalMilliseconds:F0} ms; rules imported through Sentinel after {imported.TotalMilliseconds:F0} ms; served by the router {(sinceKill.Elapsed - imported).TotalMilliseconds:F0} ms after the import");

        var lookupsBefore = _stack.Crm.Requests.Count;
        Assert.Equal("104", (await _stack.LandingOfAsync(await _stack.Ari.StartCallAsync("4242", "5551000"), FailoverBound)).Extension);
        Assert.Equal("104", (await _stack.LandingOfAsync(await _stack.Ari.StartCallAsync("4242", "5551000"), FailoverBound)).Extension);
        Assert.Equal(lookupsBefore + 1, _stack.Crm.Requests.Count);
    }
}

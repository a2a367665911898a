namespace AriCrmRouter.IntegrationTests.HighAvailability;

/// <summary>
/// Several routers on one Asterisk: the dialplan's <c>StasisBroadcast()</c> offers each call to every router's
/// application and the first claim wins. Here the router against the fake ARI, which offers calls as Asterisk does.
/// </summary>
public sealed class BroadcastClaimTests : IAsyncLifetime
{
    private readonly LiveRouter _stack = new();

    public Task InitializeAsync() => _stack.InitializeAsync();

    public Task DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task Offer_RouterWithRules_ClaimsTheCallAndRoutesIt()
    {
        await _stack.StartRouterWithRulesAsync(RuleJson.Vip());

        var call = _stack.Ari.BroadcastCall("+14155550100", "5551000");

        var landing = await _stack.LandingOfAsync(call);
        Assert.Equal(("crmrouter-queue", "103"), (landing.Context, landing.Extension));
        var claim = Assert.Single(_stack.Ari.Commands, c => c.Path == "/events/claim");
        Assert.Equal(("crmrouter", call), (claim.QueryValue("application"), claim.QueryValue("channelId")));
    }

    [Fact]
    public async Task Offer_AnotherRouterClaimedFirst_LeavesTheCallAlone()
    {
        await _stack.StartRouterWithRulesAsync(RuleJson.Vip());

        var call = _stack.Ari.BroadcastCall("+14155550100", "5551000", claimedElsewhere: true);
        await _stack.Ari.WaitForCommandAsync(c => c.Path == "/events/claim", TimeSpan.FromSeconds(10));
        var next = _stack.Ari.BroadcastCall("+14155550100", "5551000");
        await _stack.LandingOfAsync(next);

        Assert.DoesNotContain(_stack.Ari.Commands, c => c.Path.StartsWith($"/channels/{call}", StringComparison.Ordinal));
        Assert.Null(_stack.Ari.GetChannel(call)!.Landing);
    }

    [Fact]
    public async Task Offer_RouterWithoutARuleSet_DoesNotClaim()
    {
        await _stack.StartRouterAsync();

        var early = _stack.Ari.BroadcastCall("+14155550100", "5551000");
        await WaitForLogAsync($"Not claiming broadcast channel {early}: no rule set loaded");
        await _stack.ImportRulesAsync(RuleJson.Vip());
        await _stack.WaitForRulesAsync(r => r.Version > 0);
        var later = _stack.Ari.BroadcastCall("+14155550100", "5551000");
        await _stack.LandingOfAsync(later);

        var claim = Assert.Single(_stack.Ari.Commands, c => c.Path == "/events/claim");
        Assert.Equal(later, claim.QueryValue("channelId"));
    }

    private async Task WaitForLogAsync(string message)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!_stack.Logs.GetSnapshot().Any(r => r.Message == message))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"the router never logged '{message}'");
            await Task.Delay(10);
        }
    }
}

using StackExchange.Redis;

namespace AriCrmRouter.IntegrationTests.HighAvailability;

/// <summary>
/// Calls left in the application of a router that died are taken over by a survivor, exactly once: the router
/// under test renews its presence in Redis and moves to its own application the channels of a peer whose presence
/// expired, unless another survivor holds the call's lease. A peer that is alive keeps its calls.
/// </summary>
public sealed class PeerTakeoverTests : IAsyncLifetime
{
    private readonly LiveRouter _stack = new();

    public async Task InitializeAsync()
    {
        await _stack.InitializeAsync();
        await _stack.ImportRulesAsync(RuleJson.Vip());
    }

    public Task DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task Sweep_PeerStoppedRenewingItsPresence_ItsCallsAreMovedHereAndRoutedOnceEach()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_stack.Redis.Configuration);
        var db = redis.GetDatabase();
        await db.StringSetAsync($"{_stack.Prefix}routers:default:crmrouter-alive", "alive", TimeSpan.FromMinutes(5));
        var alivesCall = _stack.Ari.AddChannelInOtherApplication("crmrouter-alive", "+14155550100", "5551000");
        var leasedElsewhere = _stack.Ari.AddChannelInOtherApplication("crmrouter-dead", "+14155550100", "5551000");
        await db.StringSetAsync($"{_stack.Prefix}orphans:default:{leasedElsewhere}", "crmrouter-other", TimeSpan.FromMinutes(5));
        var deadsCall = _stack.Ari.AddChannelInOtherApplication("crmrouter-dead", "+14155550100", "5551000", "vip");

        await _stack.StartRouterAsync(new Dictionary<string, string?>
        {
            ["HighAvailability:Peers:0"] = "crmrouter-alive",
            ["HighAvailability:Peers:1"] = "crmrouter-dead",
            ["Routing:SweepInterval"] = "00:00:01",
        });

        var landing = await _stack.LandingOfAsync(deadsCall, TimeSpan.FromSeconds(20));
        Assert.Equal(("crmrouter-queue", "103"), (landing.Context, landing.Extension));
        var move = Assert.Single(_stack.Ari.Commands, c => c.Path.EndsWith("/move", StringComparison.Ordinal));
        Assert.Equal(($"/channels/{deadsCall}/move", "crmrouter", "vip"), (move.Path, move.QueryValue("app"), move.QueryValue("appArgs")));
        Assert.Equal("crmrouter", (string?)await db.StringGetAsync($"{_stack.Prefix}orphans:default:{deadsCall}"));
        Assert.True(await db.KeyExistsAsync($"{_stack.Prefix}routers:default:crmrouter"));
        Assert.Null(_stack.Ari.GetChannel(alivesCall)!.Landing);
        Assert.Null(_stack.Ari.GetChannel(leasedElsewhere)!.Landing);
    }
}

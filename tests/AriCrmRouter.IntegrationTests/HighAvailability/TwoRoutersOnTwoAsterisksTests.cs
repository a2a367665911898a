using AriCrmRouter.TestKit.Ari;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace AriCrmRouter.IntegrationTests.HighAvailability;

/// <summary>
/// Two routers (crmrouter, crmrouter-b) serving the same two Asterisk servers (pbx1, pbx2): the calls a third router
/// left in its application when it died (its presence expired) are taken over on each server, each by exactly one
/// survivor. The two fakes share a clock, so the dead router's channels have the same ids on both servers: the
/// leases are per server and channel, so taking a channel on one server never blocks its namesake on the other.
/// </summary>
public sealed class TwoRoutersOnTwoAsterisksTests : IAsyncLifetime
{
    private const string Dead = "crmrouter-dead";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TwoAsterisks _servers = new();

    private LiveRouter Stack => _servers.Stack;

    private FakeAriServer Pbx1 => _servers.Pbx1;

    private FakeAriServer Pbx2 => _servers.Pbx2;

    public Task InitializeAsync() => _servers.StartAsync(servePeerApplications: true);

    public async Task DisposeAsync() => await _servers.DisposeAsync();

    [Fact]
    public async Task Sweep_DeadRoutersCallsOnBothServers_EachTakenOverOnceByOneSurvivor()
    {
        await Stack.StartRouterAsync(Settings("crmrouter", peer: "crmrouter-b"));
        using var routerB = await Stack.StartAnotherRouterAsync(Settings("crmrouter-b", peer: "crmrouter"));
        try
        {
            await Pbx1.WaitForAsync(_ => Pbx1.ConnectedPeerClients == 1, Patience);
            await Pbx2.WaitForAsync(_ => Pbx2.ConnectedPeerClients == 1, Patience);

            string[] onPbx1 = [Pbx1.AddChannelInOtherApplication(Dead, "+14155550100", "5551000"), Pbx1.AddChannelInOtherApplication(Dead, "+14155550101", "5551000")];
            string[] onPbx2 = [Pbx2.AddChannelInOtherApplication(Dead, "+14155550100", "5551000"), Pbx2.AddChannelInOtherApplication(Dead, "+14155550101", "5551000")];

            Assert.Equal(onPbx1, onPbx2);
            foreach (var (server, name) in new[] { (Pbx1, "pbx1"), (Pbx2, "pbx2") })
            {
                var gold = await LandingAsync(server, onPbx1[0]);
                var silver = await LandingAsync(server, onPbx1[1]);
                Assert.Equal((("crmrouter-queue", "103"), ("crmrouter-queue", "100")), ((gold.Context, gold.Extension), (silver.Context, silver.Extension)));
                await AssertMovedOnceEachAsync(server, name, onPbx1);
            }
        }
        finally
        {
            await routerB.StopAsync();
        }
    }

    /// <summary>Each channel was moved once, into a survivor's application, by the survivor holding its lease on this server.</summary>
    private async Task AssertMovedOnceEachAsync(FakeAriServer server, string name, string[] channels)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Stack.Redis.Configuration);
        foreach (var channel in channels)
        {
            var move = Assert.Single(server.Commands, c => c.Path == $"/channels/{channel}/move");
            Assert.Contains(move.QueryValue("app"), new[] { "crmrouter", "crmrouter-b" });
            Assert.Equal(move.QueryValue("app"), (string?)await redis.GetDatabase().StringGetAsync($"{Stack.Prefix}orphans:{name}:{channel}"));
        }
    }

    private Dictionary<string, string?> Settings(string application, string peer)
    {
        var settings = _servers.Settings(application);
        settings["HighAvailability:Peers:0"] = peer;
        settings["HighAvailability:Peers:1"] = Dead;
        settings["Routing:SweepInterval"] = "00:00:01";
        return settings;
    }

    private static async Task<FakeDialplanLanding> LandingAsync(FakeAriServer server, string channelId)
    {
        var state = await server.WaitForAsync(s => s.Channel(channelId)?.Landing is not null, Patience);
        return state.Channel(channelId)!.Landing!;
    }
}

using AriCrmRouter.TestKit.Ari;
using AriCrmRouter.TestKit.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace AriCrmRouter.IntegrationTests.HighAvailability;

/// <summary>
/// One router serving two Asterisk servers (<c>Ari:Servers</c>: pbx1, pbx2; two fake ARIs over real websockets): each
/// server's calls are handled through that server's own connection and REST, keyed by server and channel id, and one
/// server being away does not stop the other. Both fakes share one clock, so their channel ids coincide.
/// </summary>
public sealed class SeveralAsterisksTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TwoAsterisks _servers = new();

    private LiveRouter Stack => _servers.Stack;

    private FakeAriServer Pbx1 => _servers.Pbx1;

    private FakeAriServer Pbx2 => _servers.Pbx2;

    public Task InitializeAsync() => _servers.StartAsync();

    public async Task DisposeAsync() => await _servers.DisposeAsync();

    [Fact]
    public async Task Calls_ArrivingOnBothServers_AreEachRoutedThroughTheirOwnServer()
    {
        await StartRouterOnBothAsync();

        var onPbx1 = await Pbx1.StartCallAsync("+14155550100", "5551000");
        var onPbx2 = await Pbx2.StartCallAsync("+14155550101", "5551000");

        Assert.Equal(("crmrouter-queue", "103"), Where(await LandingAsync(Pbx1, onPbx1)));
        Assert.Equal(("crmrouter-queue", "100"), Where(await LandingAsync(Pbx2, onPbx2)));
        Assert.Single(Pbx1.Commands, c => c.Path == $"/channels/{onPbx1}/continue");
        Assert.Single(Pbx2.Commands, c => c.Path == $"/channels/{onPbx2}/continue");
        Assert.Equal(["pbx1", "pbx2"], await DecisionServersAsync(2));
        Assert.Contains(Stack.Logs.GetSnapshot(), r => r.Id.Id == 2001 && ServerOf(r) == "pbx1");
        Assert.Contains(Stack.Logs.GetSnapshot(), r => r.Id.Id == 2001 && ServerOf(r) == "pbx2");
        var logs = string.Join('\n', Stack.Logs.GetSnapshot().Select(r => r.Message + r.Exception));
        Assert.DoesNotContain(LiveRouter.AriPassword, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Pbx2.Password, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameChannelId_OnBothServers_IsTwoIndependentCalls()
    {
        await StartRouterOnBothAsync();

        var onPbx1 = await Pbx1.StartCallAsync("+14155550100", "5551000");
        var onPbx2 = await Pbx2.StartCallAsync("+14155550101", "5551000");

        Assert.Equal(onPbx1, onPbx2);
        Assert.Equal(("crmrouter-queue", "103"), Where(await LandingAsync(Pbx1, onPbx1)));
        Assert.Equal(("crmrouter-queue", "100"), Where(await LandingAsync(Pbx2, onPbx2)));
        Assert.DoesNotContain(Stack.Logs.GetSnapshot(), r => r.Id.Id == 2409); // neither start was taken for a duplicate
    }

    [Fact]
    public async Task OneServerAway_TheOtherKeepsRoutingAndTheAwayOneIsServedOnceBack()
    {
        Pbx2.RefuseConnections = true;
        await Stack.StartRouterAsync(_servers.Settings());

        var onPbx1 = await Pbx1.StartCallAsync("+14155550100", "5551000");
        Assert.Equal(("crmrouter-queue", "103"), Where(await LandingAsync(Pbx1, onPbx1)));
        Assert.True(Pbx2.RefusedConnections > 0);

        Pbx2.RefuseConnections = false;
        await Pbx2.WaitForAsync(s => s.ConnectedClients == 1, Patience);
        var onPbx2 = await Pbx2.StartCallAsync("+14155550100", "5551000");
        Assert.Equal(("crmrouter-queue", "103"), Where(await LandingAsync(Pbx2, onPbx2)));

        await Pbx1.CloseClientsAsync(); // pbx1 goes away in turn
        Pbx1.RefuseConnections = true;
        var later = await Pbx2.StartCallAsync("+14155550101", "5551000");
        Assert.Equal(("crmrouter-queue", "100"), Where(await LandingAsync(Pbx2, later)));
    }

    [Fact]
    public async Task RuleChange_ImportedWhileRunning_ReachesCallsOnBothServers()
    {
        await StartRouterOnBothAsync();

        await Stack.ImportRulesAsync(RuleJson.Vip(goldQueue: "104"));
        await Stack.WaitForRulesAsync(r => r.Current.FindByName("vip")!.Rows[0].Destination.Target == "104");
        var onPbx1 = await Pbx1.StartCallAsync("+14155550100", "5551000");
        var onPbx2 = await Pbx2.StartCallAsync("+14155550100", "5551000");

        Assert.Equal(("crmrouter-queue", "104"), Where(await LandingAsync(Pbx1, onPbx1)));
        Assert.Equal(("crmrouter-queue", "104"), Where(await LandingAsync(Pbx2, onPbx2)));
    }

    [Fact]
    public async Task Shutdown_CallsInHandOnBothServers_AreSentToTheirDefaultsBeforeTheRouterStops()
    {
        Stack.Crm.Mode = FakeCrmMode.Slow; // 10 s: the calls wait in their lookups when the router is told to stop
        await StartRouterOnBothAsync(("Crm:DefaultLookupTimeout", "00:00:30"));
        var onPbx1 = await Pbx1.StartCallAsync("+14155550100", "5551000");
        var onPbx2 = await Pbx2.StartCallAsync("+14155550101", "5551000"); // another caller: a lookup of its own
        await Pbx1.WaitForAsync(_ => Stack.Crm.Requests.Count >= 2, Patience);

        await Stack.StopRouterAsync();

        foreach (var (server, channel) in new[] { (Pbx1, onPbx1), (Pbx2, onPbx2) })
        {
            var snapshot = server.GetChannel(channel)!;
            Assert.Equal(("crmrouter-queue", "100"), Where(snapshot.Landing!));
            Assert.StartsWith("shutting-down:", snapshot.Variables["CRMROUTER_DECISION"], StringComparison.Ordinal);
        }
    }

    private async Task StartRouterOnBothAsync(params (string Key, string Value)[] overrides)
    {
        var settings = _servers.Settings();
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        await Stack.StartRouterAsync(settings);
        await Pbx2.WaitForAsync(s => s.ConnectedClients == 1, Patience);
    }

    private static async Task<FakeDialplanLanding> LandingAsync(FakeAriServer server, string channelId)
    {
        var state = await server.WaitForAsync(s => s.Channel(channelId)?.Landing is not null, Patience);
        return state.Channel(channelId)!.Landing!;
    }

    private static (string, string) Where(FakeDialplanLanding landing) => (landing.Context, landing.Extension);

    /// <summary>The server named by the scope of a log line (every line of a server's calls carries it).</summary>
    private static string? ServerOf(FakeLogRecord record) => record.Scopes
        .OfType<IEnumerable<KeyValuePair<string, object?>>>()
        .SelectMany(scope => scope)
        .FirstOrDefault(pair => pair.Key == "AriServer").Value as string;

    /// <summary>The servers named by the Recent calls stream's entries, sorted, once it holds <paramref name="count"/>.</summary>
    private async Task<List<string>> DecisionServersAsync(int count)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Stack.Redis.Configuration);
        var started = TimeProvider.System.GetTimestamp();
        var entries = await redis.GetDatabase().StreamRangeAsync($"{Stack.Prefix}decisions");
        while (entries.Length < count && TimeProvider.System.GetElapsedTime(started) < Patience)
        {
            await Task.Delay(20);
            entries = await redis.GetDatabase().StreamRangeAsync($"{Stack.Prefix}decisions");
        }

        return [.. entries.Select(e => e["server"].ToString()).Order(StringComparer.Ordinal)];
    }
}

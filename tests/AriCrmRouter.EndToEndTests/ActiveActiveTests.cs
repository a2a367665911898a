using System.Globalization;
using AriCrmRouter.EndToEndTests.Infrastructure;

namespace AriCrmRouter.EndToEndTests;

/// <summary>
/// Several routers on one Asterisk (docs/high-availability.md): DIDs dialed as 77&lt;DID&gt; enter
/// [from-trunk-broadcast], whose StasisBroadcast() offers each call to the routers crmrouter-a and crmrouter-b;
/// the first claim wins. A killed router's share goes to the other at once; a restarted router takes calls again;
/// with no router left, the call goes to the fallback when the offer times out.
/// </summary>
[Collection(EndToEndTier.Name)]
public sealed class ActiveActiveTests(EndToEndEnvironment stack)
{
    private const string BroadcastPrefix = "77";

    [Fact]
    public async Task TwoRouters_OneKilledThenRestarted_EveryCallLandsAtItsRuleDestination()
    {
        await using var a = Router("crmrouter-a");
        await using var b = Router("crmrouter-b");
        await a.StartAsync();
        await b.StartAsync();

        await AssertRoutedAsync("both routers up", 4);
        await a.KillAsync();
        await AssertRoutedAsync("router a killed", 4);
        await a.StartAsync();
        await b.KillAsync();
        await AssertRoutedAsync("router a restarted, b killed", 2);

        await a.KillAsync();
        var unclaimed = await CallAsync("no router left");
        Assert.True(unclaimed.Sipp.Succeeded, $"{unclaimed.Sipp}\n{unclaimed.Sipp.Output}");
        Assert.Equal(("queue:500", "no-router-claimed"), (unclaimed.Landing.Destination, unclaimed.Landing.Fallback));
    }

    private async Task AssertRoutedAsync(string moment, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            var call = await CallAsync(moment);
            Assert.True(call.Sipp.Succeeded, $"{moment}: {call.Sipp}\n{call.Sipp.Output}");
            Assert.Equal(("queue:610", "status-did", "row-matched", ""), (call.Landing.Destination, call.Landing.Rule, call.Landing.Reason, call.Landing.Fallback));
        }
    }

    private Task<CallOutcome> CallAsync(string moment) =>
        stack.CallAsync(
            new SippCall { Scenario = SippScenarios.Call, Did = BroadcastPrefix + Dids.Status, Caller = Callers.Gold, HoldMs = 300 },
            $"{nameof(TwoRouters_OneKilledThenRestarted_EveryCallLandsAtItsRuleDestination)} ({moment})");

    private RouterProcess Router(string application)
    {
        var environment = stack.RouterEnvironment();
        environment["Ari__Application"] = application;
        environment["Observability__Port"] = Ports.FreeTcp().ToString(CultureInfo.InvariantCulture);
        return new RouterProcess(environment, stack.RunFile($"router-{application}.log"));
    }
}

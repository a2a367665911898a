using System.Net.Http.Headers;
using System.Text.Json;

namespace AriCrmRouter.EndToEndTests;

/// <summary>
/// Several routers on one Asterisk (docs/high-availability.md): DIDs dialed as 77&lt;DID&gt; enter
/// [from-trunk-broadcast], whose StasisBroadcast() offers each call to the routers crmrouter-a and crmrouter-b;
/// the first claim wins. A killed router's share goes to the other at once; a restarted router takes calls again;
/// with no router left, the call goes to the fallback when the offer times out. A call waiting in a router that is
/// killed is taken over by the survivor (HighAvailability:Peers) and routed.
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

    [Fact]
    public async Task RouterKilledWithACallWaitingForTheCrm_SurvivorTakesTheCallOverAndRoutesIt()
    {
        const string caller = Callers.GoldSecondPhone;
        await using var a = Router("crmrouter-a", "crmrouter-b");
        await using var b = Router("crmrouter-b", "crmrouter-a");
        await a.StartAsync();
        await b.StartAsync();
        var mark = stack.AsteriskLog.Mark();
        Task<SippResult> sipp;
        Stopwatch sinceKill;
        await stack.Crm.SetModeAsync("slow");
        try
        {
            // Rule patient-lookup waits up to 15 s for the CRM, which now takes 20 s: the call waits in Stasis.
            sipp = stack.Sipp.RunAsync(new SippCall { Scenario = SippScenarios.Call, Did = BroadcastPrefix + Dids.PatientLookup, Caller = caller, HoldMs = 1000 });
            await WaitForSlowLookupAsync(caller);
            var owner = await ApplicationHoldingACallAsync("crmrouter-a") ? a : b;
            await owner.KillAsync();
            sinceKill = Stopwatch.StartNew();
        }
        finally
        {
            await stack.Crm.SetModeAsync("normal");
        }

        var landing = await stack.AsteriskLog.WaitForLandingAsync(mark, caller, TimeSpan.FromSeconds(40));
        var takeover = sinceKill.Elapsed;
        Assert.True((await sipp).Succeeded);
        Assert.Equal(("queue:610", "patient-lookup", "row-matched", ""), (landing.Destination, landing.Rule, landing.Reason, landing.Fallback));
        stack.Record($"{nameof(RouterKilledWithACallWaitingForTheCrm_SurvivorTakesTheCallOverAndRoutesIt)} (kill to landing)", takeover, landing.Destination);
    }

    private async Task WaitForSlowLookupAsync(string caller)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await stack.Crm.LookupsAsync()).Any(l => l.CallerId == caller && l.Mode == "slow"))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no router asked the CRM about {caller} within 10 s");
    }

    private async Task<bool> ApplicationHoldingACallAsync(string application)
    {
        using var ari = new HttpClient();
        ari.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{StackInstance.AriUsername}:{stack.Stack.AriPassword}")));
        using var response = await ari.GetAsync(new Uri($"{stack.Stack.AriBaseUrl}/applications/{application}"));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("channel_ids").GetArrayLength() > 0;
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

    private RouterProcess Router(string application, string? peer = null)
    {
        var environment = stack.RouterEnvironment();
        environment["Ari__Application"] = application;
        if (peer is not null)
        {
            environment["HighAvailability__Peers__0"] = peer;
        }

        environment["Observability__Port"] = Ports.FreeTcp().ToString(CultureInfo.InvariantCulture);
        return new RouterProcess(environment, stack.RunFile($"router-{application}.log"));
    }
}

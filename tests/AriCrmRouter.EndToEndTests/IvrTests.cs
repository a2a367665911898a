using AriCrmRouter.EndToEndTests.Infrastructure;

namespace AriCrmRouter.EndToEndTests;

/// <summary>IVR rules: answered, greeting played, DTMF collected (also typed during the greeting) and sent to the CRM.</summary>
[Collection(EndToEndTier.Name)]
public sealed class IvrTests(EndToEndEnvironment stack)
{
    [Fact]
    public async Task IvrRule_DigitsTypedAfterGreeting_ReachCrmAndRouteByAccount()
    {
        // tt-weasels lasts about 3 s; the digits start after 4 s, when the router waits for the first digit.
        const string caller = "15550100031";
        var scenario = await SippScenarios.DtmfAsync("13579#", initialWaitMs: 4000, gapMs: 500, Path.Combine(RepoPaths.Artifacts, "run", "scenarios"));

        var call = await stack.CallAsync(new SippCall { Scenario = scenario, Did = Dids.Ivr, Caller = caller, HoldMs = 500 });

        Assert.True(call.Sipp.Succeeded, $"{call.Sipp}\n{call.Sipp.Output}");
        Assert.Equal("queue:620", call.Landing.Destination);
        Assert.Equal("account-ivr", call.Landing.Rule);
        Assert.Equal("row-matched", call.Landing.Reason);
        var lookups = await stack.Crm.LookupsAsync();
        Assert.Contains(lookups, l => l.Dtmf == "13579" && l.Did == Dids.Ivr && l.CallerId == caller && l.FieldName == "status" && l.Status == 200);
        var greeting = stack.AsteriskLog.FullSince(call.Mark).Where(l => l.Contains($"[{call.Landing.CallId}]", StringComparison.Ordinal));
        Assert.Contains(greeting, l => l.Contains("tt-weasels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IvrRule_DigitsTypedDuringGreeting_BargeInAndRouteByAccount()
    {
        // tt-monkeys lasts about 16 s; the digits start after 1 s and stop it (barge-in) without being lost.
        const string caller = "15550100032";
        var scenario = await SippScenarios.DtmfAsync("24689#", initialWaitMs: 1000, gapMs: 500, Path.Combine(RepoPaths.Artifacts, "run", "scenarios"));

        var call = await stack.CallAsync(new SippCall { Scenario = scenario, Did = Dids.IvrLongGreeting, Caller = caller, HoldMs = 500 });

        Assert.True(call.Sipp.Succeeded, $"{call.Sipp}\n{call.Sipp.Output}");
        Assert.Equal("queue:610", call.Landing.Destination);
        Assert.Equal("account-ivr-long-greeting", call.Landing.Rule);
        var lookups = await stack.Crm.LookupsAsync();
        Assert.Contains(lookups, l => l.Dtmf == "24689" && l.Did == Dids.IvrLongGreeting && l.CallerId == caller);
        // Routed long before the 16 s greeting could have ended.
        Assert.True(call.Setup < TimeSpan.FromSeconds(10), $"call setup took {call.Setup}");
    }

    [Fact]
    public async Task IvrRule_NoDigitsTyped_DefaultDestinationAfterDigitTimeout()
    {
        const string caller = "15550100033";

        var call = await stack.CallAsync(new SippCall { Scenario = SippScenarios.Call, Did = Dids.Ivr, Caller = caller, HoldMs = 12000 });

        Assert.Equal("queue:500", call.Landing.Destination);
        Assert.Equal("account-ivr", call.Landing.Rule);
        Assert.NotEqual("row-matched", call.Landing.Reason);
    }
}

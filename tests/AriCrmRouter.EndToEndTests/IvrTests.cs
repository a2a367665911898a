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

        var call = await CallTypingAsync(Dids.Ivr, caller, "13579#", initialWaitMs: 4000);

        call.AssertLanded("queue:620", "account-ivr", "row-matched");
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

        var call = await CallTypingAsync(Dids.IvrLongGreeting, caller, "24689#", initialWaitMs: 1000);

        call.AssertLanded("queue:610", "account-ivr-long-greeting");
        var lookups = await stack.Crm.LookupsAsync();
        Assert.Contains(lookups, l => l.Dtmf == "24689" && l.Did == Dids.IvrLongGreeting && l.CallerId == caller);
        // Routed long before the 16 s greeting could have ended.
        Assert.True(call.Setup < TimeSpan.FromSeconds(10), $"call setup took {call.Setup}");
    }

    [Fact]
    public async Task IvrRule_NoDigitsTyped_DefaultDestinationAfterDigitTimeout()
    {
        var call = await stack.CallAsync(Dids.Ivr, "15550100033", holdMs: 12000);

        Assert.Equal("queue:500", call.Landing.Destination);
        Assert.Equal("account-ivr", call.Landing.Rule);
        Assert.NotEqual("row-matched", call.Landing.Reason);
    }

    /// <summary>Calls <paramref name="did"/> and types <paramref name="digits"/>, 500 ms apart, from <paramref name="initialWaitMs"/> after the answer.</summary>
    private async Task<CallOutcome> CallTypingAsync(string did, string caller, string digits, int initialWaitMs, [CallerMemberName] string scenario = "")
    {
        var typing = await SippScenarios.DtmfAsync(digits, initialWaitMs, gapMs: 500, stack.RunFile("scenarios"));
        return await stack.CallAsync(new SippCall { Scenario = typing, Did = did, Caller = caller, HoldMs = 500 }, scenario);
    }
}

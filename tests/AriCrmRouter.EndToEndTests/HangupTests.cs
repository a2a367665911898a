namespace AriCrmRouter.EndToEndTests;

/// <summary>The caller gives up while the router works on the call: no error, no leftover channel, the next call still works.</summary>
[Collection(EndToEndTier.Name)]
public sealed partial class HangupTests(EndToEndEnvironment stack)
{
    [Fact]
    public async Task CallerHangsUpDuringGreeting_NoErrorAndNothingLeft()
    {
        const string caller = "15550100041";
        var mark = stack.AsteriskLog.Mark();
        var logOffset = stack.Router.LogLength;

        // Answered at once, 16 s greeting; the caller hangs up (BYE) after 1.5 s.
        var sipp = await stack.Sipp.RunAsync(new SippCall { Scenario = SippScenarios.Call, Did = Dids.IvrLongGreeting, Caller = caller, HoldMs = 1500 });

        Assert.True(sipp.Succeeded, $"{sipp}\n{sipp.Output}");
        await AssertCleanAsync(mark, logOffset, caller);
    }

    [Fact]
    public async Task CallerHangsUpDuringLookup_NoErrorAndNothingLeft()
    {
        const string caller = "15550100042";
        var mark = stack.AsteriskLog.Mark();
        var logOffset = stack.Router.LogLength;
        await stack.Crm.SetModeAsync("slow");
        SippResult sipp;
        try
        {
            // Not answered (DID rule, ringing while the CRM takes 20 s); the caller cancels after 1.5 s.
            sipp = await stack.Sipp.RunAsync(new SippCall { Scenario = SippScenarios.EarlyHangup, Did = Dids.PatientLookup, Caller = caller, HangupAfterMs = 1500 });
        }
        finally
        {
            await stack.Crm.SetModeAsync("normal");
        }

        Assert.True(sipp.Succeeded, $"{sipp}\n{sipp.Output}");
        Assert.Contains(await stack.Crm.LookupsAsync(), l => l.CallerId == caller && l.Did == Dids.PatientLookup);
        await AssertCleanAsync(mark, logOffset, caller);
    }

    private async Task AssertCleanAsync(LogMark mark, long logOffset, string caller, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        // The router logs that the caller left (event 2002) and nothing at error level.
        var log = "";
        for (var i = 0; i < 50 && !log.Contains("ended by the caller before routing", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            log = stack.Router.LogSince(logOffset);
        }

        Assert.Contains("ended by the caller before routing", log, StringComparison.Ordinal);
        Assert.DoesNotMatch(ErrorLine(), log);
        Assert.DoesNotContain(stack.AsteriskLog.LandingsSince(mark), l => l.Caller == caller);
        Assert.Equal(0, await stack.Stack.WaitForNoChannelsAsync(TimeSpan.FromSeconds(5)));

        // The router still routes the next call.
        var next = await stack.CallAsync(Dids.Status, Callers.Gold, 500, $"{scenario} (next call)");
        Assert.Equal("queue:610", next.Landing.Destination);
    }

    // Simple console lines: "HH:mm:ss.fff fail: ..." (Error) or "crit:" (Critical).
    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} (fail|crit):", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}

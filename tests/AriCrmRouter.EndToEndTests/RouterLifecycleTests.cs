namespace AriCrmRouter.EndToEndTests;

/// <summary>The router process goes away: the dialplan's own fallback, and recovery of calls left waiting in Stasis.</summary>
[Collection(EndToEndTier.Name)]
public sealed class RouterLifecycleTests(EndToEndEnvironment stack)
{
    [Fact]
    public async Task RouterStopped_Call_DialplanFallbackAfterStasisFailed()
    {
        await stack.Router.StopAsync();
        CallOutcome call;
        try
        {
            call = await stack.CallAsync(Dids.Status, Callers.Gold);
        }
        finally
        {
            await stack.Router.StartAsync();
        }

        call.AssertLanded("queue:500", rule: "", fallback: "router-unavailable");
    }

    [Fact]
    public async Task RouterKilledWhileCallsWaitInStasis_Restarted_CallsRecoveredAndRouted()
    {
        string[] callers = [Callers.Gold, Callers.GoldSecondPhone, Callers.GoldAt51000];
        var mark = stack.AsteriskLog.Mark();
        var logOffset = stack.Router.LogLength;
        await stack.Crm.SetModeAsync("slow");
        var sipps = new List<Task<SippResult>>();
        try
        {
            // Rule patient-lookup waits up to 15 s for the CRM, which now takes 20 s: the calls wait in Stasis, ringing.
            foreach (var caller in callers)
            {
                sipps.Add(stack.Sipp.RunAsync(new SippCall { Scenario = SippScenarios.Call, Did = Dids.PatientLookup, Caller = caller, HoldMs = 1000 }));
            }

            await WaitForLookupsAsync(callers);
            await stack.Router.KillAsync();
        }
        finally
        {
            await stack.Crm.SetModeAsync("normal");
        }

        Assert.Equal(callers.Length, await StasisChannelsAsync());
        await stack.Router.StartAsync();

        var landings = await stack.AsteriskLog.WaitForLandingsAsync(mark, l => callers.Contains(l.Caller), callers.Length, TimeSpan.FromSeconds(20));
        var results = await Task.WhenAll(sipps);
        Assert.All(results, r => Assert.True(r.Succeeded, $"{r}\n{r.Output}"));
        Assert.Equal(callers.Length, landings.Count);
        Assert.All(landings, l =>
        {
            Assert.Equal("queue:610", l.Destination);
            Assert.Equal("patient-lookup", l.Rule);
            Assert.Equal("row-matched", l.Reason);
        });
        Assert.Contains($"Recovered {callers.Length} calls", stack.Router.LogSince(logOffset), StringComparison.Ordinal);
        foreach (var landing in landings)
        {
            stack.Record(nameof(RouterKilledWhileCallsWaitInStasis_Restarted_CallsRecoveredAndRouted), stack.AsteriskLog.SetupTime(mark, landing), landing.Destination);
        }
    }

    [Fact]
    public async Task RouterKilledDuringIvrGreeting_Restarted_AnsweredCallGoesToDefault()
    {
        // An answered IVR call cannot be resumed mid-greeting (its DTMF events were lost): recovery sends it to the
        // rule's default. The greeting the killed router started (tt-monkeys, 16 s) is still playing at that point.
        const string caller = "15550100051";
        var mark = stack.AsteriskLog.Mark();
        var logOffset = stack.Router.LogLength;
        var sipp = stack.Sipp.RunAsync(new SippCall { Scenario = SippScenarios.Call, Did = Dids.IvrLongGreeting, Caller = caller, HoldMs = 20000 });
        await WaitForGreetingAsync(mark, caller);
        await stack.Router.KillAsync();
        await stack.Router.StartAsync();

        Landing landing;
        try
        {
            // Well before the greeting would end by itself (about 14 s from now).
            landing = await stack.AsteriskLog.WaitForLandingAsync(mark, caller, TimeSpan.FromSeconds(8));
        }
        catch (TimeoutException ex)
        {
            var result = await sipp;
            var late = stack.AsteriskLog.LandingsSince(mark).LastOrDefault(l => l.Caller == caller);
            throw new TimeoutException(
                $"{ex.Message}\nLanded later: {late?.ToString() ?? "never"} ({result})\nRouter log since the restart:\n{stack.Router.LogSince(logOffset)}", ex);
        }

        Assert.True((await sipp).Succeeded);
        Assert.Equal("queue:500", landing.Destination);
        Assert.Equal("account-ivr-long-greeting", landing.Rule);
        Assert.Equal("recovered", landing.Reason);
        stack.Record(nameof(RouterKilledDuringIvrGreeting_Restarted_AnsweredCallGoesToDefault), stack.AsteriskLog.SetupTime(mark, landing), landing.Destination);
    }

    [Fact]
    public async Task RouterStoppedWhileCallInLookup_Drained_CallGoesToDefault()
    {
        var (landing, result, _) = await StopDuringSlowLookupAsync("15550100052");

        Assert.True(result.Succeeded, $"{result}\n{result.Output}");
        Assert.Equal("queue:620", landing.Destination);
        Assert.Equal("patient-lookup", landing.Rule);
        Assert.Equal("shutting-down", landing.Reason);
    }

    [Fact]
    public async Task RouterStoppedWhileLookupInFlight_ExitsWithinItsShutdownTimeout()
    {
        // The host's ShutdownTimeout is DrainTimeout (2 s) + RoutingTimeout (5 s) + 5 s; the rule's lookup deadline is 15 s.
        var shutdownTimeout = TimeSpan.FromSeconds(2 + 5 + 5);

        var (_, _, stopTook) = await StopDuringSlowLookupAsync("15550100053");

        Assert.True(stopTook < shutdownTimeout,
            $"the router took {stopTook.TotalSeconds:F1} s to exit after SIGTERM (shutdown timeout {shutdownTimeout.TotalSeconds} s). Router log:\n{stack.RouterLogTail(3000)}");
    }

    /// <summary>
    /// A call waits in a slow lookup (rule patient-lookup, 15 s deadline; the CRM takes 20 s) when the router gets
    /// SIGTERM: it waits Routing:DrainTimeout (2 s here), then routes what it still holds to the default.
    /// </summary>
    private async Task<(Landing Landing, SippResult Sipp, TimeSpan StopTook)> StopDuringSlowLookupAsync(string caller, [System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        var mark = stack.AsteriskLog.Mark();
        await stack.Crm.SetModeAsync("slow");
        Task<SippResult> sipp;
        TimeSpan stopTook;
        try
        {
            sipp = stack.Sipp.RunAsync(new SippCall { Scenario = SippScenarios.Call, Did = Dids.PatientLookup, Caller = caller, HoldMs = 500 });
            await WaitForLookupsAsync([caller]);
            stopTook = await stack.Router.StopAsync();
        }
        finally
        {
            await stack.Crm.SetModeAsync("normal");
            await stack.Router.StartAsync();
        }

        var landing = await stack.AsteriskLog.WaitForLandingAsync(mark, caller, TimeSpan.FromSeconds(10));
        var result = await sipp;
        stack.Record(scenario, stack.AsteriskLog.SetupTime(mark, landing), landing.Destination);
        return (landing, result, stopTook);
    }

    private async Task WaitForGreetingAsync(LogMark mark, string caller)
    {
        for (var i = 0; i < 100; i++)
        {
            var output = await stack.Stack.RxAsync("core show channels concise");
            // channel!context!exten!prio!state!app!data!callerid!...
            if (output.Split('\n').Any(l => l.Contains("!Up!Stasis!", StringComparison.Ordinal) && l.Contains($"!{caller}!", StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the call from {caller} was not answered in Stasis within 10 s; Asterisk said:\n{string.Join('\n', stack.AsteriskLog.MessagesSince(mark))}");
    }

    private async Task WaitForLookupsAsync(string[] callers)
    {
        for (var i = 0; i < 100; i++)
        {
            var lookups = await stack.Crm.LookupsAsync();
            if (callers.All(c => lookups.Any(l => l.Did == Dids.PatientLookup && l.CallerId == c && l.Mode == "slow")))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the router did not ask the CRM about all callers within 10 s:\n{stack.RouterLogTail()}");
    }

    private async Task<int> StasisChannelsAsync()
    {
        var output = await stack.Stack.RxAsync("core show channels concise");
        return output.Split('\n').Count(l => l.Contains("!Stasis!", StringComparison.Ordinal));
    }
}

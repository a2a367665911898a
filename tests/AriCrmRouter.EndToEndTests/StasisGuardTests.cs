namespace AriCrmRouter.EndToEndTests;

/// <summary>
/// The TIMEOUT(absolute) guard armed before Stasis(): it must never cut a call the router routed, and a call that
/// is still stuck in Stasis when it fires goes to the fallback instead of being hung up. The guard is shortened to
/// a few seconds for these scenarios through its global variable, and restored afterwards.
/// </summary>
[Collection(EndToEndTier.Name)]
public sealed class StasisGuardTests(EndToEndEnvironment stack)
{
    private const int ShortGuardSeconds = 3;

    [Fact]
    public async Task RoutedToQueue_CallerHoldsWellPastTheGuard_IsNotHungUp()
    {
        var call = await WithShortGuardAsync(() =>
            stack.CallAsync(Dids.Status, Callers.Gold, ShortGuardSeconds * 3 * 1000));

        Assert.Equal("queue:610", call.Landing.Destination);
        Assert.True(call.Sipp.Succeeded, $"{call.Sipp}\n{call.Sipp.Output}");
        Assert.False(call.Sipp.RemoteHangup, $"Asterisk hung up the queued caller: {call.Sipp}");

        // Still waiting in queue 610 when the caller hung up: the guard neither cut the call nor moved it (a fired
        // guard leaves Queue() and runs the context's T extension, which lands a second time).
        var landings = stack.AsteriskLog.LandingsSince(call.Mark).Where(l => l.UniqueId == call.Landing.UniqueId).ToList();
        Assert.True(landings.Count == 1, $"landings: {string.Join("; ", landings)}");
        Assert.DoesNotContain(stack.AsteriskLog.MessagesSince(call.Mark), l => l.Contains($"CRMROUTER_QUEUE_LEFT queue=610 status=", StringComparison.Ordinal) && l.Contains(call.Landing.UniqueId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StuckInTheRouter_GuardFires_CallGoesToTheFallbackInsteadOfBeingHungUp()
    {
        const string caller = "15550100051";
        await stack.Crm.SetModeAsync("slow");
        CallOutcome call;
        try
        {
            // The CRM takes 20 s and the rule waits 15 s for it: the call is still in Stasis when the guard fires.
            call = await WithShortGuardAsync(() =>
                stack.CallAsync(Dids.PatientLookup, caller, 1000));
        }
        finally
        {
            await stack.Crm.SetModeAsync("normal");
        }

        Assert.Equal("queue:500", call.Landing.Destination);
        Assert.Equal("stasis-guard", call.Landing.Fallback);
        Assert.True(call.Sipp.Succeeded, $"{call.Sipp}\n{call.Sipp.Output}");
        Assert.False(call.Sipp.RemoteHangup, $"Asterisk hung up instead of routing: {call.Sipp}");
    }

    private async Task<T> WithShortGuardAsync<T>(Func<Task<T>> scenario)
    {
        var original = (await stack.Stack.RxAsync("dialplan show globals")).Split('\n')
            .Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("CRMROUTER_STASIS_GUARD=", StringComparison.Ordinal))?["CRMROUTER_STASIS_GUARD=".Length..] ?? "120";
        await stack.Stack.RxAsync($"dialplan set global CRMROUTER_STASIS_GUARD {ShortGuardSeconds}");
        try
        {
            return await scenario();
        }
        finally
        {
            await stack.Stack.RxAsync($"dialplan set global CRMROUTER_STASIS_GUARD {original}");
        }
    }
}

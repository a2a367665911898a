namespace AriCrmRouter.EndToEndTests;

/// <summary>A destination that enters Stasis(crmrouter,&lt;rule&gt;) right after the router continued the call there.</summary>
[Collection(EndToEndTier.Name)]
public sealed class ReentryTests(EndToEndEnvironment stack)
{
    [Fact]
    public async Task DestinationEntersTheRouterAgain_RightAfterContinue_SecondRuleRoutesTheCall()
    {
        // reenter-through-ivr sends GOLD callers to IVR e2ereenter, which enters Stasis(crmrouter,status-did) at once.
        var (sipp, landings) = await CallPathRules.CallAsync(stack, CallPathDids.ReenterThroughIvr, Callers.Gold, holdMs: 3000, landings: 2);

        Assert.True(sipp.Succeeded, $"{sipp}\n{sipp.Output}");
        Assert.True(landings.Count == 2, $"landings: {string.Join("; ", landings)}\nRouter log (tail):\n{stack.RouterLogTail()}");
        Assert.Equal("ivr:e2ereenter", landings[0].Destination);
        Assert.Equal("queue:610", landings[1].Destination);
        Assert.Equal("status-did", landings[1].Rule);
        Assert.Equal("", landings[1].Fallback);
        Assert.False(sipp.RemoteHangup, $"the caller was hung up: {sipp}");
    }
}

namespace AriCrmRouter.EndToEndTests;

/// <summary>
/// The target grammar (docs/rules.md) through the real dialplan: targets at its edges, routed by the router, land
/// in their crmrouter-* context; targets outside it (which the validator never lets the router send) are sent by
/// the test stack's probe context and end at the fallback through the context's "i" extension, never hung up.
/// </summary>
[Collection(EndToEndTier.Name)]
public sealed class TargetGrammarTests(EndToEndEnvironment stack)
{
    [Theory]
    [InlineData(CallPathDids.OneDigitExtension, Callers.Gold, "extension:5", "row-matched")]
    [InlineData(CallPathDids.QueueNameAsMailbox, Callers.Gold, "voicemail:sales", "no-row-matched")]
    [InlineData(CallPathDids.DashUnderscoreQueue, Callers.Gold, "queue:sales-eu_2", "row-matched")]
    [InlineData(CallPathDids.LongestIvr, Callers.Gold, "ivr:ivr64xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "row-matched")]
    public async Task EdgeOfTheGrammar_RoutedByTheRouter_LandsInItsContext(string did, string caller, string destination, string reason)
    {
        var (sipp, landings) = await CallPathRules.CallAsync(stack, did, caller, holdMs: 1500);

        Assert.True(sipp.Succeeded, $"{sipp}\n{sipp.Output}");
        Assert.NotEmpty(landings);
        var first = landings[0];
        Assert.Equal(destination, first.Destination);
        Assert.Equal(reason, first.Reason);
        Assert.Equal("", first.Fallback);
    }

    [Theory]
    [InlineData("15559900001", "extension", "+442079460018")]
    [InlineData("15559900002", "voicemail", "*97")]
    [InlineData("15559900003", "queue", "+44")]
    [InlineData("15559900004", "ivr", "*1")]
    [InlineData("15559900005", "queue", "i")]
    public async Task TargetOutsideTheGrammar_ReachesTheContext_GoesToTheFallback(string caller, string kind, string target)
    {
        var mark = stack.AsteriskLog.Mark();

        await stack.Stack.RxAsync($"channel originate Local/{caller}.{kind}.{target}@crmrouter-probe application Wait 3");

        var landing = await stack.AsteriskLog.WaitForLandingAsync(mark, caller, TimeSpan.FromSeconds(15));
        Assert.Equal("queue:500", landing.Destination);
        Assert.Equal("invalid-target", landing.Fallback);
        // A jump to a target that does not match names it in INVALID_EXTEN; a target that IS a special extension ("i")
        // runs that extension directly, so there is nothing to name.
        var named = target == "i" ? "" : target;
        Assert.Contains(stack.AsteriskLog.MessagesSince(mark), l => l.Contains($"CRMROUTER_INVALID_TARGET target={named} ", StringComparison.Ordinal));
    }
}

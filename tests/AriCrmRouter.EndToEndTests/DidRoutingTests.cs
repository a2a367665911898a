namespace AriCrmRouter.EndToEndTests;

/// <summary>DID rules (call not answered, lookup by the caller's number): every operator, text and numbers, defaults.</summary>
[Collection(EndToEndTier.Name)]
public sealed class DidRoutingTests(EndToEndEnvironment stack)
{
    private static void AssertLanded(CallOutcome call, string destination, string rule, string reason) =>
        call.AssertLanded(destination, rule, reason, fallback: "");

    [Fact]
    public async Task Equals_LowerCaseRowAgainstGold_RoutesToQueue()
    {
        var call = await stack.CallAsync(Dids.Status, Callers.Gold);

        AssertLanded(call, "queue:610", "status-did", "row-matched");
        Assert.Equal(Dids.Status, call.Landing.Did);
    }

    [Fact]
    public async Task Equals_SilverCaller_RoutesToIvr()
    {
        var call = await stack.CallAsync(Dids.Status, Callers.Silver);

        AssertLanded(call, "ivr:700", "status-did", "row-matched");
    }

    [Fact]
    public async Task Equals_BronzeCaller_RoutesToExtension()
    {
        var call = await stack.CallAsync(Dids.Status, Callers.Bronze);

        AssertLanded(call, "extension:1003", "status-did", "row-matched");
    }

    [Fact]
    public async Task LessThan_ValueBelowRow_RoutesToQueue()
    {
        var call = await stack.CallAsync(Dids.ValueBelow, Callers.Bronze);

        AssertLanded(call, "queue:600", "value-below", "row-matched");
    }

    [Fact]
    public async Task GreaterThan_DecimalValueAboveRow_RoutesToQueue()
    {
        var call = await stack.CallAsync(Dids.ValueAbove, Callers.Gold);

        AssertLanded(call, "queue:610", "value-above", "row-matched");
    }

    [Fact]
    public async Task Equals_RowWithLeadingZeroAgainstFifty_ComparesAsNumbers()
    {
        var call = await stack.CallAsync(Dids.ValueEqual, Callers.GoldLowerCaseAt50);

        AssertLanded(call, "extension:1002", "value-equal", "row-matched");
    }

    [Fact]
    public async Task AtMost_ValueOnTheBoundary_RoutesToIvr()
    {
        var call = await stack.CallAsync(Dids.ValueAtMost, Callers.Silver);

        AssertLanded(call, "ivr:700", "value-at-most", "row-matched");
    }

    [Fact]
    public async Task AtLeast_ValueOnTheBoundary_FirstMatchingRowWins()
    {
        var call = await stack.CallAsync(Dids.ValueAtLeast, Callers.GoldAt51000);

        AssertLanded(call, "queue:610", "value-at-least", "row-matched");
    }

    [Fact]
    public async Task AtLeast_OnlySecondRowMatches_RoutesToSecondRow()
    {
        var call = await stack.CallAsync(Dids.ValueAtLeast, Callers.Silver);

        AssertLanded(call, "queue:600", "value-at-least", "row-matched");
    }

    [Fact]
    public async Task NoRowMatches_ValueBelowEveryRow_DefaultDestination()
    {
        var call = await stack.CallAsync(Dids.ValueAtLeast, Callers.SilverAtZero);

        AssertLanded(call, "queue:620", "value-at-least", "no-row-matched");
    }

    [Fact]
    public async Task UnknownCaller_NotInCrm_DefaultDestination()
    {
        var call = await stack.CallAsync(Dids.Status, Callers.Unknown);

        AssertLanded(call, "queue:620", "status-did", "value-not-found");
    }

    [Fact]
    public async Task DefaultVoicemailYes_NoRowMatches_VoicemailOfDefaultExtension()
    {
        var call = await stack.CallAsync(Dids.VoicemailDefault, Callers.Gold);

        AssertLanded(call, "voicemail:1002", "voicemail-default", "no-row-matched");
    }

    [Fact]
    public async Task RecordingDestination_RowMatches_PlaysFileAndHangsUp()
    {
        var call = await stack.CallAsync(Dids.Recording, Callers.Bronze, 15000);

        AssertLanded(call, "recording:vm-goodbye", "bronze-recording", "row-matched");
        // The caller would have stayed 15 s; Asterisk ended the call after the ~1 s prompt.
        Assert.True(call.Sipp.RemoteHangup, $"Asterisk did not hang up: {call.Sipp}");
        Assert.True(call.Sipp.Elapsed < TimeSpan.FromSeconds(12), call.Sipp.ToString());
        var trace = stack.AsteriskLog.FullSince(call.Mark).Where(l => l.Contains($"[{call.Landing.CallId}]", StringComparison.Ordinal)).ToList();
        Assert.Contains(trace, l => l.Contains("Playback(", StringComparison.Ordinal) && l.Contains("vm-goodbye", StringComparison.Ordinal));
        Assert.Contains(trace, l => l.Contains("Hangup(", StringComparison.Ordinal));
    }
}

namespace AriCrmRouter.EndToEndTests;

/// <summary>Many calls at once: five SIPp processes, ten calls each, all on the line together.</summary>
[Collection(EndToEndTier.Name)]
public sealed class BurstTests(EndToEndEnvironment stack)
{
    [Fact]
    public async Task Burst_FiftyConcurrentCalls_EveryCallLandsWhereTheRulesSay()
    {
        (string Did, string Caller, string Destination)[] groups =
        [
            (Dids.Status, Callers.Gold, "queue:610"),
            (Dids.Status, Callers.Silver, "ivr:700"),
            (Dids.Status, Callers.Bronze, "extension:1003"),
            (Dids.Status, Callers.Unknown, "queue:620"),
            (Dids.ValueAtLeast, Callers.GoldAt51000, "queue:610"),
        ];
        const int callsEach = 10;
        var mark = stack.AsteriskLog.Mark();

        // Each process starts its 10 calls within a second; every caller stays 6 s, so all 50 overlap.
        var sipps = groups.Select(g => stack.Sipp.RunAsync(new SippCall
        {
            Scenario = SippScenarios.Call, Did = g.Did, Caller = g.Caller, HoldMs = 6000, Calls = callsEach, Rate = 10,
        })).ToList();
        var peak = 0;
        while (!sipps.All(s => s.IsCompleted))
        {
            peak = Math.Max(peak, await stack.Stack.ActiveChannelsAsync());
            await Task.Delay(250);
        }

        var results = await Task.WhenAll(sipps);
        var landings = await stack.AsteriskLog.WaitForLandingsAsync(mark, _ => true, groups.Length * callsEach, TimeSpan.FromSeconds(5));

        Assert.All(results, r => Assert.True(r.Succeeded && r.SuccessfulCalls == callsEach, $"{r}\n{r.Output}"));
        Assert.True(peak >= groups.Length * callsEach, $"only {peak} channels were up at once");
        foreach (var (did, caller, destination) in groups)
        {
            var mine = landings.Where(l => l.Caller == caller && l.Did == did).ToList();
            Assert.True(mine.Count == callsEach, $"{caller} -> {did}: {mine.Count} landings: {string.Join("; ", mine)}");
            Assert.All(mine, l => Assert.Equal(destination, l.Destination));
        }

        foreach (var landing in landings)
        {
            stack.Record(nameof(Burst_FiftyConcurrentCalls_EveryCallLandsWhereTheRulesSay), stack.AsteriskLog.SetupTime(mark, landing), landing.Destination);
        }
    }
}

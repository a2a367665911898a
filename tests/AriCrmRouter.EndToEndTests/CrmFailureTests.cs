namespace AriCrmRouter.EndToEndTests;

/// <summary>The CRM misbehaves (sample CRM control endpoint): every call still goes to the rule's default within the lookup deadline.</summary>
[Collection(EndToEndTier.Name)]
public sealed class CrmFailureTests(EndToEndEnvironment stack)
{
    // Rule crm-trouble: lookup timeoutMs 1500, nothing cached; a GOLD caller would go to queue 610.
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(1500);

    // Dialplan, ARI and the router's own work on a loaded 2-core machine, on top of the lookup deadline.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData("down")]
    [InlineData("slow")]
    [InlineData("garbage")]
    public async Task CrmMisbehaves_GoldCaller_DefaultDestinationWithinDeadline(string mode)
    {
        await stack.Crm.SetModeAsync(mode);
        CallOutcome call;
        try
        {
            call = await stack.CallAsync(Dids.CrmTrouble, Callers.Gold, 500, $"{nameof(CrmMisbehaves_GoldCaller_DefaultDestinationWithinDeadline)} ({mode})");
        }
        finally
        {
            await stack.Crm.SetModeAsync("normal");
        }

        call.AssertLanded("queue:620", "crm-trouble", "lookup-failed");
        Assert.True(call.Setup < Deadline + Slack, $"call setup took {call.Setup.TotalMilliseconds} ms (deadline {Deadline.TotalMilliseconds} ms)");
        var lookups = await stack.Crm.LookupsAsync();
        Assert.Contains(lookups, l => l.Did == Dids.CrmTrouble && l.Mode == mode);
    }

    [Fact]
    public async Task CrmHealthy_GoldCaller_RowMatches()
    {
        var call = await stack.CallAsync(Dids.CrmTrouble, Callers.Gold);

        Assert.Equal("queue:610", call.Landing.Destination);
        Assert.Equal("row-matched", call.Landing.Reason);
    }
}

namespace AriCrmRouter.Service.Tests.Stasis;

/// <summary>DID calls from StasisStart to <c>continue</c>, on a fake lookup and a fake clock.</summary>
public sealed class DidCallTests : FakeCallTests
{
    [Fact]
    public async Task DidCall_GoldCustomer_RingsWithoutAnsweringAndContinuesToTheMatchingQueue()
    {
        var call = Calls.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await Calls.ContinuedAsync(call));
        var commands = Calls.Ari.CommandsFor(call).ToList();
        Assert.Equal($"ring {call}", commands[0]);
        Assert.DoesNotContain($"answer {call}", commands);
        Assert.Contains($"var {call} CRMROUTER_DECISION=row-matched:vip:103", commands);
        Assert.Equal(["ring", "var", "continue"], commands.Select(c => c.Split(' ')[0])); // one label, one continue
    }

    [Theory]
    [InlineData(Silver, "5551000", "crmrouter-ivr 200")] // the second row: the first matching row wins
    [InlineData(BigSpender, "5552000", "crmrouter-extension 201")] // numeric rule compares numbers
    [InlineData(Unknown, "5551000", "crmrouter-queue 100")] // not in the CRM: the default destination
    [InlineData(Gold, "5559999", "crmrouter-queue 500")] // no rule for the DID: the global fallback
    public async Task DidCall_Caller_ContinuesWhereTheRulesSay(string caller, string did, string expected)
    {
        var call = Calls.StartCall(caller, did);

        Assert.Equal($"continue {call} {expected} 1", await Calls.ContinuedAsync(call));
    }

    [Theory]
    [InlineData("12", "crmrouter-recording s", ":custom/goodbye")] // recordings: extension s, the target in the label
    [InlineData("500", "crmrouter-voicemail 200", "no-row-matched:")] // no row matches, defaultVoicemail yes
    public async Task DidCall_LifetimeValue_ContinuesWhereTheValueRuleSays(string lifetimeValue, string expected, string label)
    {
        Crm.Add("+14155550103", ("lifetime_value", lifetimeValue));

        var call = Calls.StartCall("+14155550103", "5552000");

        Assert.Equal($"continue {call} {expected} 1", await Calls.ContinuedAsync(call));
        Assert.Contains(label, Calls.Ari.LabelOf(call), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DidCall_LookupFails_GoesToTheDefaultDestination()
    {
        Crm.FailWith = "timeout";

        var call = Calls.StartCall(Gold, "5551000");

        await AssertContinuedAsync(call, "crmrouter-queue 100", "lookup-failed:");
    }

    [Fact]
    public async Task Call_DidWithoutRule_WarnsAndSaysWhyInTheReason()
    {
        var call = Calls.StartCall(Gold, "5559999");

        await Calls.ContinuedAsync(call);
        Assert.StartsWith("rule-not-found:", Calls.Ari.LabelOf(call), StringComparison.Ordinal);
        await Calls.IdleAsync();
        Assert.Contains(Calls.Logs.GetSnapshot(), r => r.Id.Id == 2003 && r.Message.Contains("no rule for DID '5559999'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_StasisArgumentNamesARule_UsesThatRule()
    {
        var call = Calls.StartCall(Gold, "s", "vip");

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await Calls.ContinuedAsync(call));
    }

    [Fact]
    public async Task Call_Routed_WritesExactlyOneDecisionLineWithMaskedKey()
    {
        var call = Calls.StartCall(Gold, "5551000");
        await Calls.ContinuedAsync(call);
        await Calls.IdleAsync();

        var decision = Assert.Single(Calls.Decisions).Message;
        foreach (var part in (string[])["rule=vip", "key=********0100", "value=GOLD", "row=1", "destination=queue:103", "cache=miss"])
        {
            Assert.Contains(part, decision, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("4155550100", decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_FiftyConcurrent_EachLandsWhereTheRulesSay()
    {
        var calls = Enumerable.Range(0, 50).Select(i => (i % 3) switch { 0 => Gold, 1 => Silver, _ => Unknown }).Select(caller => (Caller: caller, Id: Calls.StartCall(caller, "5551000"))).ToList();

        foreach (var (caller, id) in calls)
        {
            var expected = caller == Gold ? "crmrouter-queue 103" : caller == Silver ? "crmrouter-ivr 200" : "crmrouter-queue 100";
            Assert.Equal($"continue {id} {expected} 1", await Calls.ContinuedAsync(id));
        }

        await Calls.IdleAsync();
        Assert.Equal(50, Calls.Decisions.Count);
    }
}

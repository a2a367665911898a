using AriCrmRouter.Service.Tests.Fakes;
using AriCrmRouter.Tests.Calls;
using static AriCrmRouter.Tests.Calls.SampleCalls;

namespace AriCrmRouter.Service.Tests.Stasis;

/// <summary>DID calls from StasisStart to <c>continue</c>, on a fake lookup and a fake clock.</summary>
public sealed class DidCallTests : IAsyncLifetime
{
    private readonly FakeCrmLookup _crm = new();
    private CallHarness _calls = null!;

    public Task InitializeAsync()
    {
        _calls = FakeCalls.Start(_crm, FakeCalls.NewClock());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _calls.DisposeAsync();

    [Fact]
    public async Task DidCall_GoldCustomer_RingsWithoutAnsweringAndContinuesToTheMatchingQueue()
    {
        var call = _calls.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _calls.ContinuedAsync(call));
        var commands = _calls.Ari.CommandsFor(call).ToList();
        Assert.Equal($"ring {call}", commands[0]);
        Assert.DoesNotContain($"answer {call}", commands);
        Assert.Contains($"var {call} CRMROUTER_RULE=vip", commands);
        Assert.Contains($"var {call} CRMROUTER_TARGET=103", commands);
        Assert.Contains($"var {call} CRMROUTER_REASON=row-matched", commands);
    }

    [Theory]
    [InlineData(Silver, "5551000", "crmrouter-ivr 200")] // the second row: the first matching row wins
    [InlineData(BigSpender, "5552000", "crmrouter-extension 201")] // numeric rule compares numbers
    [InlineData(Unknown, "5551000", "crmrouter-queue 100")] // not in the CRM: the default destination
    [InlineData(Gold, "5559999", "crmrouter-queue 500")] // no rule for the DID: the global fallback
    public async Task DidCall_Caller_ContinuesWhereTheRulesSay(string caller, string did, string expected)
    {
        var call = _calls.StartCall(caller, did);

        Assert.Equal($"continue {call} {expected} 1", await _calls.ContinuedAsync(call));
    }

    [Fact]
    public async Task DidCall_RecordingDestination_ContinuesToTheRecordingContextWithTheTargetInAVariable()
    {
        _crm.Add("+14155550103", ("lifetime_value", "12"));

        var call = _calls.StartCall("+14155550103", "5552000");

        Assert.Equal($"continue {call} crmrouter-recording s 1", await _calls.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_TARGET=custom/goodbye", _calls.Ari.CommandsFor(call));
    }

    [Fact]
    public async Task DidCall_NoRowMatchesAndDefaultVoicemailYes_GoesToTheDefaultsVoicemail()
    {
        _crm.Add("+14155550104", ("lifetime_value", "500"));

        var call = _calls.StartCall("+14155550104", "5552000");

        Assert.Equal($"continue {call} crmrouter-voicemail 200 1", await _calls.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=no-row-matched", _calls.Ari.CommandsFor(call));
    }

    [Fact]
    public async Task DidCall_LookupFails_GoesToTheDefaultDestination()
    {
        _crm.FailWith = "timeout";

        var call = _calls.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 100 1", await _calls.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=lookup-failed", _calls.Ari.CommandsFor(call));
    }

    [Fact]
    public async Task Call_DidWithoutRule_WarnsAndSaysWhyInTheReason()
    {
        var call = _calls.StartCall(Gold, "5559999");

        await _calls.ContinuedAsync(call);
        Assert.Contains($"var {call} CRMROUTER_REASON=rule-not-found", _calls.Ari.CommandsFor(call));
        await _calls.IdleAsync();
        Assert.Contains(_calls.Logs.GetSnapshot(), r => r.Id.Id == 2003 && r.Message.Contains("no rule for DID '5559999'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_StasisArgumentNamesARule_UsesThatRule()
    {
        var call = _calls.StartCall(Gold, "s", "vip");

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _calls.ContinuedAsync(call));
    }

    [Fact]
    public async Task Call_Routed_WritesExactlyOneDecisionLineWithMaskedKey()
    {
        var call = _calls.StartCall(Gold, "5551000");
        await _calls.ContinuedAsync(call);
        await _calls.IdleAsync();

        var decision = Assert.Single(_calls.Decisions).Message;
        foreach (var part in (string[])["rule=vip", "key=********0100", "value=GOLD", "row=1", "destination=queue:103", "cache=miss"])
        {
            Assert.Contains(part, decision, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("4155550100", decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_FiftyConcurrent_EachLandsWhereTheRulesSay()
    {
        var calls = Enumerable.Range(0, 50).Select(i => (i % 3) switch { 0 => Gold, 1 => Silver, _ => Unknown }).Select(caller => (Caller: caller, Id: _calls.StartCall(caller, "5551000"))).ToList();

        foreach (var (caller, id) in calls)
        {
            var expected = caller == Gold ? "crmrouter-queue 103" : caller == Silver ? "crmrouter-ivr 200" : "crmrouter-queue 100";
            Assert.Equal($"continue {id} {expected} 1", await _calls.ContinuedAsync(id));
        }

        await _calls.IdleAsync();
        Assert.Equal(50, _calls.Decisions.Count);
    }
}

using System.Net;
using AriCrmRouter.Service.Tests.Fakes;
using AriCrmRouter.Tests.Calls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static AriCrmRouter.Tests.Calls.SampleCalls;

namespace AriCrmRouter.Service.Tests.Stasis;

/// <summary>Every way a call ends besides a normal decision: the caller leaves, something fails, the router shuts down.</summary>
public sealed class CallEndingTests : IAsyncLifetime
{
    private readonly FakeCrmLookup _crm = new();
    private readonly FakeTimeProvider _clock = FakeCalls.NewClock();
    private CallHarness _calls = null!;

    public Task InitializeAsync()
    {
        _calls = FakeCalls.Start(_crm, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _calls.DisposeAsync();

    [Fact]
    public async Task Call_CallerHangsUpDuringLookup_IsNotRoutedAndLogsNoError()
    {
        _crm.Hold = new TaskCompletionSource();
        var call = _calls.StartCall(Gold, "5551000");
        await _calls.Ari.WaitForAsync(c => c == $"ring {call}");

        _calls.HangUp(call);
        await _calls.IdleAsync();

        AssertEndedQuietly(call);
        Assert.Empty(_calls.Decisions);
        Assert.Equal("HangUp->HungUp", _calls.TrailOf(call)[^1]);
    }

    [Fact]
    public async Task Call_CallerHangsUpDuringGreeting_EndsQuietly()
    {
        var call = _calls.StartCall(Gold, "5553000");
        await _calls.GreetingStartedAsync(call);

        _calls.HangUp(call);
        await _calls.IdleAsync();

        AssertEndedQuietly(call);
        Assert.Empty(_crm.Requests);
        Assert.Equal(["Greet->Greeting", "HangUp->HungUp"], _calls.TrailOf(call));
    }

    [Fact]
    public async Task Call_RingAnswers404_TreatsTheCallerAsGone()
    {
        _calls.Ari.FailOnce["ring "] = HttpStatusCode.NotFound;

        var call = _calls.StartCall(Gold, "5551000");
        await _calls.IdleAsync();

        AssertEndedQuietly(call);
    }

    [Fact]
    public async Task Call_UnexpectedFailureInTheFlow_FailsOpenToTheDefaultDestination()
    {
        _calls.Ari.Throw["ring "] = new InvalidOperationException("boom");

        var call = _calls.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 100 1", await _calls.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=internal-error", _calls.Ari.CommandsFor(call));
        await _calls.IdleAsync();
        Assert.Equal(["Ring->Ringing", "Fail->Failed", "FailOpen->Routing", "Continue->Routed"], _calls.TrailOf(call));
    }

    [Fact]
    public async Task Drain_NewCallWhileShuttingDown_GoesStraightToItsDefaultWithoutLookup()
    {
        await _calls.Dispatcher.DrainAsync(TimeSpan.Zero, CancellationToken.None); // no call in hand: returns at once

        var call = _calls.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 100 1", await _calls.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=shutting-down", _calls.Ari.CommandsFor(call));
        Assert.Empty(_crm.Requests);
    }

    [Fact]
    public async Task Drain_CallInItsGreetingAtTheDrainTimeout_IsRecordedAsShutdownAndSentToItsDefault()
    {
        var call = _calls.StartCall(Gold, "5553000");
        var playbackId = await _calls.GreetingStartedAsync(call);

        var drain = _calls.Dispatcher.DrainAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await drain;

        Assert.Equal(0, _calls.Dispatcher.ActiveCalls);
        Assert.Equal($"continue {call} crmrouter-queue 100 1", await _calls.ContinuedAsync(call));
        Assert.Contains($"var {call} CRMROUTER_REASON=shutting-down", _calls.Ari.CommandsFor(call));
        Assert.Contains($"stop {playbackId}", _calls.Ari.Commands);
        Assert.Equal(["Greet->Greeting", "Abort->Routing", "Continue->Routed"], _calls.TrailOf(call));
        Assert.DoesNotContain(_calls.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Drain_CallsFinishWithinTheDrainTime_ReturnsWithoutAborting()
    {
        _crm.Hold = new TaskCompletionSource();
        var call = _calls.StartCall(Gold, "5551000");
        await _calls.Ari.WaitForAsync(c => c == $"ring {call}");

        var drain = _calls.Dispatcher.DrainAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.False(drain.IsCompleted);
        _crm.Hold.SetResult();
        await drain;

        Assert.Equal(0, _calls.Dispatcher.ActiveCalls);
        Assert.Contains($"var {call} CRMROUTER_REASON=row-matched", _calls.Ari.CommandsFor(call));
    }

    private void AssertEndedQuietly(string call)
    {
        Assert.DoesNotContain(_calls.Ari.CommandsFor(call), c => c.StartsWith("continue", StringComparison.Ordinal));
        Assert.DoesNotContain(_calls.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }
}

using System.Net;

namespace AriCrmRouter.Service.Tests.Stasis;

/// <summary>Every way a call ends besides a normal decision: the caller leaves, something fails, the router shuts down.</summary>
public sealed class CallEndingTests : FakeCallTests
{
    [Fact]
    public async Task Call_CallerHangsUpDuringLookup_IsNotRoutedAndLogsNoError()
    {
        Crm.Hold = new TaskCompletionSource();
        var call = Calls.StartCall(Gold, "5551000");
        await Calls.Ari.WaitForAsync(c => c == $"ring {call}");

        Calls.HangUp(call);
        await Calls.IdleAsync();

        AssertEndedQuietly(call);
        Assert.Empty(Calls.Decisions);
        Assert.Equal("HangUp->HungUp", Calls.TrailOf(call)[^1]);
    }

    [Fact]
    public async Task Call_CallerHangsUpDuringGreeting_EndsQuietly()
    {
        var call = Calls.StartCall(Gold, "5553000");
        await Calls.GreetingStartedAsync(call);

        Calls.HangUp(call);
        await Calls.IdleAsync();

        AssertEndedQuietly(call);
        Assert.Empty(Crm.Requests);
        Assert.Equal(["Greet->Greeting", "HangUp->HungUp"], Calls.TrailOf(call));
    }

    [Fact]
    public async Task Call_RingAnswers404_TreatsTheCallerAsGone()
    {
        Calls.Ari.FailOnce["ring "] = HttpStatusCode.NotFound;

        var call = Calls.StartCall(Gold, "5551000");
        await Calls.IdleAsync();

        AssertEndedQuietly(call);
    }

    [Fact]
    public async Task Call_UnexpectedFailureInTheFlow_FailsOpenToTheDefaultDestination()
    {
        Calls.Ari.Throw["ring "] = new InvalidOperationException("boom");

        var call = Calls.StartCall(Gold, "5551000");

        await AssertContinuedAsync(call, "crmrouter-queue 100", "internal-error:");
        await Calls.IdleAsync();
        Assert.Equal(["Ring->Ringing", "Fail->Failed", "FailOpen->Routing", "Continue->Routed"], Calls.TrailOf(call));
    }

    [Fact]
    public async Task Drain_NewCallWhileShuttingDown_GoesStraightToItsDefaultWithoutLookup()
    {
        await Calls.Dispatcher.DrainAsync(TimeSpan.Zero, CancellationToken.None); // no call in hand: returns at once

        var call = Calls.StartCall(Gold, "5551000");

        await AssertContinuedAsync(call, "crmrouter-queue 100", "shutting-down:");
        Assert.Empty(Crm.Requests);
    }

    [Fact]
    public async Task Drain_CallInItsGreetingAtTheDrainTimeout_IsRecordedAsShutdownAndSentToItsDefault()
    {
        var call = Calls.StartCall(Gold, "5553000");
        var playbackId = await Calls.GreetingStartedAsync(call);

        var drain = Calls.Dispatcher.DrainAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await drain;

        Assert.Equal(0, Calls.Dispatcher.ActiveCalls);
        await AssertContinuedAsync(call, "crmrouter-queue 100", "shutting-down:");
        Assert.Contains($"stop {playbackId}", Calls.Ari.Commands);
        Assert.Equal(["Greet->Greeting", "Abort->Routing", "Continue->Routed"], Calls.TrailOf(call));
        Assert.DoesNotContain(Calls.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Drain_CallsFinishWithinTheDrainTime_ReturnsWithoutAborting()
    {
        Crm.Hold = new TaskCompletionSource();
        var call = Calls.StartCall(Gold, "5551000");
        await Calls.Ari.WaitForAsync(c => c == $"ring {call}");

        var drain = Calls.Dispatcher.DrainAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.False(drain.IsCompleted);
        Crm.Hold.SetResult();
        await drain;

        Assert.Equal(0, Calls.Dispatcher.ActiveCalls);
        Assert.StartsWith("row-matched:", Calls.Ari.LabelOf(call), StringComparison.Ordinal);
    }

    private void AssertEndedQuietly(string call)
    {
        Assert.DoesNotContain(Calls.Ari.CommandsFor(call), c => c.StartsWith("continue", StringComparison.Ordinal));
        Assert.DoesNotContain(Calls.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }
}

namespace AriCrmRouter.Service.Tests.Stasis;

/// <summary>IVR calls: answer, greeting with barge-in, DTMF entry; timers on a fake clock moved by the test.</summary>
public sealed class IvrCallTests : FakeCallTests
{
    [Fact]
    public async Task IvrCall_DtmfDuringGreeting_StopsTheGreetingKeepsTheDigitsAndLooksUpByThem()
    {
        var call = Calls.StartCall(Unknown, "5553000");
        var playbackId = await Calls.GreetingStartedAsync(call);
        Assert.Contains($"play {call} {playbackId} sound:enter-account", Calls.Ari.CommandsFor(call));
        Assert.Contains($"answer {call}", Calls.Ari.CommandsFor(call));

        foreach (var digit in "12345#")
        {
            Calls.Dtmf(call, digit);
        }

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await Calls.ContinuedAsync(call));
        Assert.Contains($"stop {playbackId}", Calls.Ari.Commands);
        Assert.Equal("12345", Assert.Single(Crm.Requests).Dtmf);
    }

    [Fact]
    public async Task IvrCall_GreetingPlaying_StateIsGreetingUntilAKeyStopsIt()
    {
        var bargeIn = new TaskCompletionSource();
        Calls.Ari.Hold["stop "] = bargeIn;
        var call = Calls.StartCall(Unknown, "5553000");
        await Calls.GreetingStartedAsync(call);

        Calls.Dtmf(call, '1');
        await Calls.Ari.WaitForAsync(c => c.StartsWith("stop ", StringComparison.Ordinal));
        Assert.Equal(["Greet->Greeting"], Calls.TrailOf(call)); // the barge-in is under way: still greeting
        bargeIn.SetResult();
        Calls.Dtmf(call, '#');

        await Calls.ContinuedAsync(call);
        await Calls.IdleAsync();
        Assert.Equal(["Greet->Greeting", "CollectDigits->CollectingDtmf", "LookUp->LookingUp", "Decide->Routing", "Continue->Routed"], Calls.TrailOf(call));
    }

    [Fact]
    public async Task IvrCall_DtmfAfterTheGreeting_IsCollectedUntilMaxDigits()
    {
        var call = Calls.StartCall(Unknown, "5553000");
        var playbackId = await Calls.GreetingStartedAsync(call);

        Calls.PlaybackFinished(call, playbackId);
        foreach (var digit in "123456")
        {
            Calls.Dtmf(call, digit);
        }

        await Calls.ContinuedAsync(call);
        Assert.Equal("123456", Assert.Single(Crm.Requests).Dtmf);
        Assert.DoesNotContain($"stop {playbackId}", Calls.Ari.Commands);
    }

    [Fact]
    public async Task IvrCall_NoDigitsBeforeTheFirstDigitTimeout_LooksUpByTheCallerNumberAlone()
    {
        var call = Calls.StartCall(Gold, "5553000");
        Calls.PlaybackFinished(call, await Calls.GreetingStartedAsync(call));

        await AdvanceUntilContinuedAsync(call, TimeSpan.FromSeconds(29));

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await Calls.ContinuedAsync(call));
        Assert.Null(Assert.Single(Crm.Requests).Dtmf);
    }

    [Fact]
    public async Task IvrCall_DigitsThenSilence_InterDigitTimeoutEndsTheEntry()
    {
        var call = Calls.StartCall(Unknown, "5553000");
        Calls.PlaybackFinished(call, await Calls.GreetingStartedAsync(call));
        foreach (var digit in "12345")
        {
            Calls.Dtmf(call, digit);
        }

        await AdvanceUntilContinuedAsync(call, TimeSpan.FromSeconds(29));

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await Calls.ContinuedAsync(call));
        Assert.Equal("12345", Assert.Single(Crm.Requests).Dtmf);
    }

    [Fact]
    public async Task IvrCall_GreetingPlaybackEventLost_MaxGreetingDurationStopsItAndCollectionGoesOn()
    {
        var call = Calls.StartCall(Gold, "5553000");
        var playbackId = await Calls.GreetingStartedAsync(call);

        await AdvanceUntilContinuedAsync(call, TimeSpan.FromMinutes(2));

        Assert.Contains($"stop {playbackId}", Calls.Ari.Commands);
        Assert.Equal($"continue {call} crmrouter-queue 103 1", await Calls.ContinuedAsync(call));
    }

    [Fact]
    public async Task Reconnect_LiveCallWaitingForAGreeting_StopsTheGreetingAndCarriesOn()
    {
        var call = Calls.StartCall(Gold, "5553000");
        var playbackId = await Calls.GreetingStartedAsync(call);

        Calls.Dispatcher.OnConnected(isReconnect: true);
        await Calls.Ari.WaitForAsync(c => c == $"stop {playbackId}");
        Calls.Dtmf(call, '#');

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await Calls.ContinuedAsync(call));
    }

    /// <summary>Moves the fake clock a second at a time (never past <paramref name="notBefore"/> at once) until the call is continued.</summary>
    private async Task AdvanceUntilContinuedAsync(string call, TimeSpan notBefore)
    {
        var advanced = TimeSpan.Zero;
        var continued = Calls.ContinuedAsync(call);
        for (var i = 0; i < 2000 && !continued.IsCompleted; i++)
        {
            if (Crm.Requests.IsEmpty)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
                advanced += TimeSpan.FromSeconds(1);
            }

            await Task.WhenAny(continued, Task.Delay(5, CancellationToken.None));
        }

        await continued;
        Assert.True(advanced >= notBefore, $"continued after only {advanced} of fake time");
    }
}

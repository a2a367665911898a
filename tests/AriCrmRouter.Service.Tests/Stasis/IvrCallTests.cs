using AriCrmRouter.Service.Tests.Fakes;
using AriCrmRouter.Tests.Calls;
using Microsoft.Extensions.Time.Testing;
using static AriCrmRouter.Tests.Calls.SampleCalls;

namespace AriCrmRouter.Service.Tests.Stasis;

/// <summary>IVR calls: answer, greeting with barge-in, DTMF entry; timers on a fake clock moved by the test.</summary>
public sealed class IvrCallTests : IAsyncLifetime
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
    public async Task IvrCall_DtmfDuringGreeting_StopsTheGreetingKeepsTheDigitsAndLooksUpByThem()
    {
        var call = _calls.StartCall(Unknown, "5553000");
        var playbackId = await _calls.GreetingStartedAsync(call);
        Assert.Contains($"play {call} {playbackId} sound:enter-account", _calls.Ari.CommandsFor(call));
        Assert.Contains($"answer {call}", _calls.Ari.CommandsFor(call));

        foreach (var digit in "12345#")
        {
            _calls.Dtmf(call, digit);
        }

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _calls.ContinuedAsync(call));
        Assert.Contains($"stop {playbackId}", _calls.Ari.Commands);
        Assert.Equal("12345", Assert.Single(_crm.Requests).Dtmf);
    }

    [Fact]
    public async Task IvrCall_GreetingPlaying_StateIsGreetingUntilAKeyStopsIt()
    {
        var bargeIn = new TaskCompletionSource();
        _calls.Ari.Hold["stop "] = bargeIn;
        var call = _calls.StartCall(Unknown, "5553000");
        await _calls.GreetingStartedAsync(call);

        _calls.Dtmf(call, '1');
        await _calls.Ari.WaitForAsync(c => c.StartsWith("stop ", StringComparison.Ordinal));
        Assert.Equal(["Greet->Greeting"], _calls.TrailOf(call)); // the barge-in is under way: still greeting
        bargeIn.SetResult();
        _calls.Dtmf(call, '#');

        await _calls.ContinuedAsync(call);
        await _calls.IdleAsync();
        Assert.Equal(["Greet->Greeting", "CollectDigits->CollectingDtmf", "LookUp->LookingUp", "Decide->Routing", "Continue->Routed"], _calls.TrailOf(call));
    }

    [Fact]
    public async Task IvrCall_DtmfAfterTheGreeting_IsCollectedUntilMaxDigits()
    {
        var call = _calls.StartCall(Unknown, "5553000");
        var playbackId = await _calls.GreetingStartedAsync(call);

        _calls.PlaybackFinished(call, playbackId);
        foreach (var digit in "123456")
        {
            _calls.Dtmf(call, digit);
        }

        await _calls.ContinuedAsync(call);
        Assert.Equal("123456", Assert.Single(_crm.Requests).Dtmf);
        Assert.DoesNotContain($"stop {playbackId}", _calls.Ari.Commands);
    }

    [Fact]
    public async Task IvrCall_NoDigitsBeforeTheFirstDigitTimeout_LooksUpByTheCallerNumberAlone()
    {
        var call = _calls.StartCall(Gold, "5553000");
        _calls.PlaybackFinished(call, await _calls.GreetingStartedAsync(call));

        await AdvanceUntilContinuedAsync(call, TimeSpan.FromSeconds(29));

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _calls.ContinuedAsync(call));
        Assert.Null(Assert.Single(_crm.Requests).Dtmf);
    }

    [Fact]
    public async Task IvrCall_DigitsThenSilence_InterDigitTimeoutEndsTheEntry()
    {
        var call = _calls.StartCall(Unknown, "5553000");
        _calls.PlaybackFinished(call, await _calls.GreetingStartedAsync(call));
        foreach (var digit in "12345")
        {
            _calls.Dtmf(call, digit);
        }

        await AdvanceUntilContinuedAsync(call, TimeSpan.FromSeconds(29));

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _calls.ContinuedAsync(call));
        Assert.Equal("12345", Assert.Single(_crm.Requests).Dtmf);
    }

    [Fact]
    public async Task IvrCall_GreetingPlaybackEventLost_MaxGreetingDurationStopsItAndCollectionGoesOn()
    {
        var call = _calls.StartCall(Gold, "5553000");
        var playbackId = await _calls.GreetingStartedAsync(call);

        await AdvanceUntilContinuedAsync(call, TimeSpan.FromMinutes(2));

        Assert.Contains($"stop {playbackId}", _calls.Ari.Commands);
        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _calls.ContinuedAsync(call));
    }

    [Fact]
    public async Task Reconnect_LiveCallWaitingForAGreeting_StopsTheGreetingAndCarriesOn()
    {
        var call = _calls.StartCall(Gold, "5553000");
        var playbackId = await _calls.GreetingStartedAsync(call);

        _calls.Dispatcher.OnConnected(isReconnect: true);
        await _calls.Ari.WaitForAsync(c => c == $"stop {playbackId}");
        _calls.Dtmf(call, '#');

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _calls.ContinuedAsync(call));
    }

    /// <summary>Moves the fake clock a second at a time (never past <paramref name="notBefore"/> at once) until the call is continued.</summary>
    private async Task AdvanceUntilContinuedAsync(string call, TimeSpan notBefore)
    {
        var advanced = TimeSpan.Zero;
        var continued = _calls.ContinuedAsync(call);
        for (var i = 0; i < 2000 && !continued.IsCompleted; i++)
        {
            if (_crm.Requests.IsEmpty)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
                advanced += TimeSpan.FromSeconds(1);
            }

            await Task.WhenAny(continued, Task.Delay(5, CancellationToken.None));
        }

        await continued;
        Assert.True(advanced >= notBefore, $"continued after only {advanced} of fake time");
    }
}

using AriCrmRouter.Service.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AriCrmRouter.Service.Tests.Stasis;

/// <summary>DTMF timers run on the injected clock: these tests move a fake clock instead of waiting.</summary>
public sealed class DtmfTimeoutTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private RouterHarness _router = null!;

    public async Task InitializeAsync()
    {
        _router = await RouterHarness.StartAsync(CallFlowTests.SampleRules, _clock);
        CallFlowTests.SeedCrm(_router.Crm);
    }

    public async Task DisposeAsync() => await _router.DisposeAsync();

    [Fact]
    public async Task IvrCall_NoDigitsBeforeTheFirstDigitTimeout_LooksUpByTheCallerNumberAlone()
    {
        var call = _router.StartCall("+14155550100", "5553000");
        var playbackId = (await _router.Ari.WaitForAsync(c => c.StartsWith($"play {call} ", StringComparison.Ordinal))).Split(' ')[2];
        _router.PlaybackFinished(call, playbackId);

        await AdvanceUntilContinuedAsync(call, TimeSpan.FromSeconds(29));

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _router.ContinuedAsync(call));
        var request = Assert.Single(_router.Crm.Requests);
        Assert.DoesNotContain("dtmf=", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IvrCall_DigitsThenSilence_InterDigitTimeoutEndsTheEntry()
    {
        var call = _router.StartCall("+14155550199", "5553000");
        var playbackId = (await _router.Ari.WaitForAsync(c => c.StartsWith($"play {call} ", StringComparison.Ordinal))).Split(' ')[2];
        _router.PlaybackFinished(call, playbackId);
        foreach (var digit in "12345")
        {
            _router.Dtmf(call, digit);
        }

        await AdvanceUntilContinuedAsync(call, TimeSpan.FromSeconds(29));

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _router.ContinuedAsync(call));
        Assert.Contains("dtmf=12345&", Assert.Single(_router.Crm.Requests).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IvrCall_GreetingPlaybackEventLost_MaxGreetingDurationStopsItAndCollectionGoesOn()
    {
        var call = _router.StartCall("+14155550100", "5553000");
        var playbackId = (await _router.Ari.WaitForAsync(c => c.StartsWith($"play {call} ", StringComparison.Ordinal))).Split(' ')[2];

        await AdvanceUntilContinuedAsync(call, TimeSpan.FromMinutes(2));

        Assert.Contains($"stop {playbackId}", _router.Ari.Commands);
        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _router.ContinuedAsync(call));
    }

    /// <summary>Moves the clock in small steps (never past <paramref name="notBefore"/> at once) until the call is continued.</summary>
    private async Task AdvanceUntilContinuedAsync(string call, TimeSpan notBefore)
    {
        var advanced = TimeSpan.Zero;
        for (var i = 0; i < 2000; i++)
        {
            if (_router.Ari.CommandsFor(call).Any(c => c.StartsWith("continue", StringComparison.Ordinal)))
            {
                Assert.True(advanced >= notBefore, $"continued after only {advanced} of fake time");
                return;
            }

            if (_router.Crm.Requests.Count == 0)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
                advanced += TimeSpan.FromSeconds(1);
            }

            await Task.Delay(5);
        }

        Assert.Fail("the call was never continued");
    }
}

using Microsoft.Extensions.Time.Testing;

namespace AriCrmRouter.Ari.Tests.Transport;

/// <summary>The reconnect backoff (Polly) on a fake clock: grows with jitter up to the cap, retries forever, restarts after a held connection.</summary>
public sealed class AriReconnectPolicyTests
{
    private static readonly AriOptions Options = new()
    {
        InitialReconnectDelay = TimeSpan.FromMilliseconds(100),
        MaxReconnectDelay = TimeSpan.FromSeconds(1),
    };

    private readonly FakeTimeProvider _clock = new();
    private readonly FakeLogger _logger = new();

    [Fact]
    public async Task Execute_NeverConnects_RetriesWithDelaysUpToTheCap()
    {
        var attempts = 0;

        var held = await RunAsync(_ => ++attempts < 30 ? null : Options.MaxReconnectDelay);

        Assert.Equal(30, attempts);
        var delays = _logger.Collector.GetSnapshot().Where(r => r.Id.Id == 1005).Select(r => TimeSpan.Parse(r.GetStructuredStateValue("Delay")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(29, delays.Count);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, Options.MaxReconnectDelay));
        Assert.True(delays.Skip(10).Average(d => d.TotalMilliseconds) > delays[0].TotalMilliseconds, "the backoff did not grow");
        Assert.Equal(Options.MaxReconnectDelay, held);
    }

    [Fact]
    public async Task Execute_ConnectionDropsAtOnce_IsRetriedLikeAFailedConnect()
    {
        var attempts = 0;

        await RunAsync(_ => ++attempts < 3 ? TimeSpan.FromMilliseconds(5) : Options.MaxReconnectDelay);

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Execute_ConnectionHeldLongEnough_EndsTheRunSoTheBackoffStartsAgain()
    {
        var attempts = 0;

        var held = await RunAsync(_ => { attempts++; return TimeSpan.FromMinutes(5); });

        Assert.Equal(1, attempts);
        Assert.Equal(TimeSpan.FromMinutes(5), held);
    }

    /// <summary>Runs the policy over <paramref name="attempt"/>, moving the fake clock until the run ends.</summary>
    private async Task<TimeSpan?> RunAsync(Func<int, TimeSpan?> attempt)
    {
        var pipeline = AriReconnectPolicy.Create(Options, _clock, _logger);
        var calls = 0;
        var run = pipeline.ExecuteAsync(_ => ValueTask.FromResult(attempt(++calls)), CancellationToken.None).AsTask();
        for (var i = 0; i < 10_000 && !run.IsCompleted; i++)
        {
            _clock.Advance(Options.MaxReconnectDelay);
            await Task.WhenAny(run, Task.Delay(1, CancellationToken.None));
        }

        return await run;
    }
}

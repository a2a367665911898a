using AriCrmRouter.Service.Stasis.Prompt;
using AriCrmRouter.Tests.Hostile;
using CsCheck;

namespace AriCrmRouter.Service.Tests.Hostile;

/// <summary>The DTMF category of the hostile-input campaign (docs/hostile-input.md): any key stream, any timing.</summary>
public class DtmfCampaignTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly Gen<DtmfSettings> Settings = Gen.Select(
        Gen.Int[1, 32], Gen.Int[0, 16], Gen.Int[500, 60_000], Gen.Int[500, 60_000],
        (max, terminator, first, inter) => new DtmfSettings
        {
            MaxDigits = max,
            Terminator = terminator == 16 ? null : "0123456789*#ABCD"[terminator],
            FirstDigitTimeout = TimeSpan.FromMilliseconds(first),
            InterDigitTimeout = TimeSpan.FromMilliseconds(inter),
        });

    /// <summary>Keys as ARI would deliver them, and characters no phone sends, each after a gap of up to 70 s.</summary>
    private static readonly Gen<(char Key, int GapMs)[]> Keys = Gen.Select(
        Gen.Frequency((5, Gen.Char["0123456789*#ABCDabcd"]), (1, Gen.Char)),
        Gen.Int[0, 70_000]).Array[0, 60];

    [Fact]
    public void Collector_HostileKeyStreams_KeepOnlyDtmfWithinTheLimits()
    {
        HostileCampaign.Run(
            Gen.Select(Settings, Keys, Gen.Bool),
            c =>
            {
                var (settings, keys, armFirst) = c;
                var collector = new DtmfCollector(settings);
                var now = Start;
                if (armFirst)
                {
                    collector.Arm(now);
                }

                foreach (var (key, gap) in keys)
                {
                    now += TimeSpan.FromMilliseconds(gap);
                    collector.Tick(now);
                    var before = collector.Digits;
                    var wasComplete = collector.IsComplete;
                    collector.Add(key, now);
                    Assert.True(!wasComplete || (collector.IsComplete && collector.Digits == before), "input after the end changed the digits");
                }

                collector.Tick(now + TimeSpan.FromMinutes(2));
                Assert.True(collector.IsComplete || collector.Deadline is null, "collection neither ended nor waits");
                Assert.True(collector.Digits.Length <= settings.MaxDigits, $"{collector.Digits.Length} digits over {settings.MaxDigits}");
                Assert.All(collector.Digits, digit => Assert.Contains(digit, "0123456789*#ABCD"));
                if (settings.Terminator is { } terminator && collector.StopReason != DtmfStopReason.MaxDigits)
                {
                    Assert.DoesNotContain(terminator, collector.Digits);
                }
            },
            c => (2_000L * c.Item2.Length) + (64 * 1024));
    }
}

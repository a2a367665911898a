using AriCrmRouter.Service.Stasis.Prompt;

namespace AriCrmRouter.Service.Tests.Stasis;

public sealed class DtmfCollectorTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly DtmfSettings Settings = new() { MaxDigits = 4, Terminator = '#', FirstDigitTimeout = TimeSpan.FromSeconds(5), InterDigitTimeout = TimeSpan.FromSeconds(3) };

    [Fact]
    public void Deadline_NotArmedAndNoDigits_IsNull()
    {
        var collector = new DtmfCollector(Settings);

        Assert.Null(collector.Deadline);
        Assert.False(collector.IsComplete);
    }

    [Fact]
    public void Arm_StartsTheFirstDigitTimer()
    {
        var collector = new DtmfCollector(Settings);

        collector.Arm(T0);

        Assert.Equal(T0.AddSeconds(5), collector.Deadline);
    }

    [Fact]
    public void Add_Digit_MovesTheDeadlineToTheInterDigitTimeout()
    {
        var collector = new DtmfCollector(Settings);
        collector.Arm(T0);

        collector.Add('1', T0.AddSeconds(2));

        Assert.Equal(T0.AddSeconds(5), collector.Deadline);
        Assert.Equal("1", collector.Digits);
    }

    [Fact]
    public void Add_DigitBeforeArm_StartsTimersFromTheDigit()
    {
        var collector = new DtmfCollector(Settings);

        collector.Add('7', T0);

        Assert.Equal(T0.AddSeconds(3), collector.Deadline);
    }

    [Fact]
    public void Add_Terminator_CompletesWithoutKeepingIt()
    {
        var collector = new DtmfCollector(Settings);

        collector.Add('1', T0);
        collector.Add('2', T0);
        collector.Add('#', T0);

        Assert.Equal(DtmfStopReason.Terminator, collector.StopReason);
        Assert.Equal("12", collector.Digits);
        Assert.Null(collector.Deadline);
    }

    [Fact]
    public void Add_MaxDigits_CompletesAndIgnoresFurtherDigits()
    {
        var collector = new DtmfCollector(Settings);

        foreach (var digit in "123456")
        {
            collector.Add(digit, T0);
        }

        Assert.Equal(DtmfStopReason.MaxDigits, collector.StopReason);
        Assert.Equal("1234", collector.Digits);
    }

    [Fact]
    public void Add_StarAndLetters_AreKeptUppercaseAndOtherKeysIgnored()
    {
        var collector = new DtmfCollector(Settings with { MaxDigits = 10 });

        foreach (var digit in "*a x9")
        {
            collector.Add(digit, T0);
        }

        Assert.Equal("*A9", collector.Digits);
    }

    [Fact]
    public void Add_NoTerminatorConfigured_HashIsAnOrdinaryDigit()
    {
        var collector = new DtmfCollector(Settings with { Terminator = null });

        collector.Add('#', T0);

        Assert.Equal("#", collector.Digits);
        Assert.False(collector.IsComplete);
    }

    /// <summary>Digits are typed one a second from T0+1s (armed or not); a tick then ends the entry only when a timer ran out.</summary>
    [Theory]
    [InlineData(true, "", 4.9, null)] // before the first-digit deadline
    [InlineData(true, "", 5, DtmfStopReason.NoInput)]
    [InlineData(true, "42", 5, DtmfStopReason.Timeout)] // inter-digit timeout after the last digit, the digits kept
    [InlineData(false, "", 3600, null)] // not armed: never times out
    public void Tick_At_EndsOnlyWhenATimerRanOut(bool armed, string digits, double tickAtSeconds, DtmfStopReason? reason)
    {
        var collector = new DtmfCollector(Settings);
        if (armed)
        {
            collector.Arm(T0);
        }

        for (var i = 0; i < digits.Length; i++)
        {
            collector.Add(digits[i], T0.AddSeconds(i + 1));
        }

        collector.Tick(T0.AddSeconds(tickAtSeconds));

        Assert.Equal(reason, collector.StopReason);
        if (reason is not null)
        {
            Assert.Equal(digits, collector.Digits);
        }
    }
}

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

    [Fact]
    public void Tick_BeforeTheDeadline_KeepsCollecting()
    {
        var collector = new DtmfCollector(Settings);
        collector.Arm(T0);

        collector.Tick(T0.AddSeconds(4.9));

        Assert.False(collector.IsComplete);
    }

    [Fact]
    public void Tick_FirstDigitTimeoutWithoutInput_EndsWithNoInput()
    {
        var collector = new DtmfCollector(Settings);
        collector.Arm(T0);

        collector.Tick(T0.AddSeconds(5));

        Assert.Equal(DtmfStopReason.NoInput, collector.StopReason);
        Assert.Equal("", collector.Digits);
    }

    [Fact]
    public void Tick_InterDigitTimeoutAfterDigits_EndsWithTimeoutAndKeepsDigits()
    {
        var collector = new DtmfCollector(Settings);
        collector.Arm(T0);
        collector.Add('4', T0.AddSeconds(1));
        collector.Add('2', T0.AddSeconds(2));

        collector.Tick(T0.AddSeconds(5));

        Assert.Equal(DtmfStopReason.Timeout, collector.StopReason);
        Assert.Equal("42", collector.Digits);
    }

    [Fact]
    public void Tick_NotArmed_NeverTimesOut()
    {
        var collector = new DtmfCollector(Settings);

        collector.Tick(T0.AddHours(1));

        Assert.False(collector.IsComplete);
    }
}

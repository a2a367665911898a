using System.Text;

namespace AriCrmRouter.Service.Stasis.Prompt;

public enum DtmfStopReason
{
    /// <summary>The terminator (normally <c>#</c>) was pressed.</summary>
    Terminator,

    /// <summary>The maximum number of digits is in.</summary>
    MaxDigits,

    /// <summary>Digits were typed, then the inter-digit timeout passed.</summary>
    Timeout,

    /// <summary>Nothing was typed before the first-digit timeout.</summary>
    NoInput,
}

/// <summary>
/// Collects one DTMF entry. Pure: the caller feeds digits and the clock. Timers start when <see cref="Arm"/>
/// is called (the greeting ended) or with the first digit (typed during the greeting, barge-in).
/// </summary>
public sealed class DtmfCollector(DtmfSettings settings)
{
    private readonly StringBuilder _digits = new();
    private DateTimeOffset? _armedAt;
    private DateTimeOffset? _lastDigitAt;

    public string Digits => _digits.ToString();

    public DtmfStopReason? StopReason { get; private set; }

    public bool IsComplete => StopReason is not null;

    /// <summary>When collection ends if nothing else happens; <c>null</c> before the timers started or once complete.</summary>
    public DateTimeOffset? Deadline => IsComplete
        ? null
        : _lastDigitAt is { } last ? last + settings.InterDigitTimeout
        : _armedAt is { } armed ? armed + settings.FirstDigitTimeout
        : null;

    /// <summary>Starts the first-digit timer (the greeting finished or there is none). Idempotent.</summary>
    public void Arm(DateTimeOffset now) => _armedAt ??= now;

    /// <summary>Takes one pressed key; keys other than 0-9, *, #, A-D are ignored.</summary>
    public void Add(char digit, DateTimeOffset now)
    {
        if (IsComplete || !IsDtmf(digit))
        {
            return;
        }

        _armedAt ??= now;
        _lastDigitAt = now;
        if (settings.Terminator is { } terminator && char.ToUpperInvariant(digit) == char.ToUpperInvariant(terminator))
        {
            StopReason = DtmfStopReason.Terminator;
            return;
        }

        _digits.Append(char.ToUpperInvariant(digit));
        if (_digits.Length >= settings.MaxDigits)
        {
            StopReason = DtmfStopReason.MaxDigits;
        }
    }

    /// <summary>Ends collection when the deadline has passed.</summary>
    public void Tick(DateTimeOffset now)
    {
        if (Deadline is { } deadline && now >= deadline)
        {
            StopReason = _digits.Length == 0 ? DtmfStopReason.NoInput : DtmfStopReason.Timeout;
        }
    }

    private static bool IsDtmf(char c) => char.IsAsciiDigit(c) || c is '*' or '#' or 'A' or 'B' or 'C' or 'D' or 'a' or 'b' or 'c' or 'd';
}

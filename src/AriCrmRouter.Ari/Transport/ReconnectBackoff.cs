namespace AriCrmRouter.Ari.Transport;

/// <summary>
/// Capped exponential backoff with jitter: attempt n waits a random time in [d/2, d] where
/// d = min(initial * 2^n, max). The jitter keeps several routers from hammering a restarted Asterisk in step.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly Func<double> _nextUnitRandom;
    private int _attempt;

    public ReconnectBackoff(TimeSpan initial, TimeSpan max, Func<double>? nextUnitRandom = null)
    {
        _initial = initial > TimeSpan.Zero ? initial : TimeSpan.FromMilliseconds(1);
        _max = max >= _initial ? max : _initial;
        _nextUnitRandom = nextUnitRandom ?? Random.Shared.NextDouble;
    }

    /// <summary>The delay before the next attempt; grows until the cap and stays there, forever.</summary>
    public TimeSpan Next()
    {
        var ceiling = Ceiling(_attempt);
        if (ceiling < _max)
        {
            _attempt++;
        }

        var fraction = 0.5 + (0.5 * Math.Clamp(_nextUnitRandom(), 0, 1));
        return TimeSpan.FromTicks((long)(ceiling.Ticks * fraction));
    }

    /// <summary>A connection held long enough: start again from the initial delay.</summary>
    public void Reset() => _attempt = 0;

    private TimeSpan Ceiling(int attempt)
    {
        // Doubling in doubles cannot overflow the way ticks would after ~60 attempts.
        var ticks = _initial.Ticks * Math.Pow(2, Math.Min(attempt, 62));
        return ticks >= _max.Ticks ? _max : TimeSpan.FromTicks((long)ticks);
    }
}

using System.Collections.Concurrent;

namespace AriCrmRouter.SampleCrm;

/// <summary>Run-time switches and counters shared by the endpoints (thread-safe).</summary>
internal sealed class CrmState(CrmMode initialMode)
{
    // Enough for a burst of test calls; older entries are dropped first.
    private const int RecentLookupLimit = 500;

    private readonly ConcurrentQueue<LookupRecord> _recent = new();
    private int _mode = (int)initialMode;
    private long _lookups;

    public CrmMode Mode
    {
        get => (CrmMode)Volatile.Read(ref _mode);
        set => Volatile.Write(ref _mode, (int)value);
    }

    /// <summary>Lookups received since start or the last reset; lets tests see whether the router's cache answered.</summary>
    public long Lookups => Interlocked.Read(ref _lookups);

    public void CountLookup() => Interlocked.Increment(ref _lookups);

    /// <summary>The latest lookups, oldest first: lets a test see what the router sent (e.g. the DTMF a caller typed).</summary>
    public IReadOnlyList<LookupRecord> RecentLookups => [.. _recent];

    public void Record(LookupRecord lookup)
    {
        _recent.Enqueue(lookup);
        while (_recent.Count > RecentLookupLimit && _recent.TryDequeue(out _))
        {
        }
    }

    public void ResetLookups()
    {
        Interlocked.Exchange(ref _lookups, 0);
        _recent.Clear();
    }
}

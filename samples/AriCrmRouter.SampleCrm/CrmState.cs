namespace AriCrmRouter.SampleCrm;

/// <summary>Run-time switches and counters shared by the endpoints (thread-safe).</summary>
internal sealed class CrmState(CrmMode initialMode)
{
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

    public void ResetLookups() => Interlocked.Exchange(ref _lookups, 0);
}

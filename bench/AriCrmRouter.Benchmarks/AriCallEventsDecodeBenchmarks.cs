using AriCrmRouter.Ari.Events;
using BenchmarkDotNet.Attributes;

namespace AriCrmRouter.Benchmarks;

/// <summary>
/// The events Asterisk 22 sent for one routed call before the lean router (StasisStart, a ChannelVarset echo for each
/// of the three variables the router set, StasisEnd, ChannelHangupRequest, ChannelDestroyed), decoded in order; Mean
/// is per event (7 per operation). <see cref="DecodeFilteredCallEvents"/>: the same call with the application's event
/// filter and one label (no ChannelVarset reaches the router): 4 events, Mean per event.
/// </summary>
[MemoryDiagnoser]
public class AriCallEventsDecodeBenchmarks
{
    private static readonly string[] CallEvents =
        ["StasisStart", "ChannelVarset", "ChannelVarset", "ChannelVarset", "StasisEnd", "ChannelHangupRequest", "ChannelDestroyed"];

    private static readonly string[] FilteredCallEvents = ["StasisStart", "StasisEnd", "ChannelHangupRequest", "ChannelDestroyed"];

    private byte[][] _call = [];
    private byte[][] _filteredCall = [];

    [GlobalSetup]
    public void Setup()
    {
        _call = [.. CallEvents.Select(GoldenEvents.Read)];
        _filteredCall = [.. FilteredCallEvents.Select(GoldenEvents.Read)];
    }

    [Benchmark(OperationsPerInvoke = 7)]
    public AriEvent? DecodeCallEvents()
    {
        AriEvent? last = null;
        foreach (var payload in _call)
        {
            last = AriEventDecoder.Decode(payload);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = 4)]
    public AriEvent? DecodeFilteredCallEvents()
    {
        AriEvent? last = null;
        foreach (var payload in _filteredCall)
        {
            last = AriEventDecoder.Decode(payload);
        }

        return last;
    }
}

using AriCrmRouter.Ari.Events;
using BenchmarkDotNet.Attributes;

namespace AriCrmRouter.Benchmarks;

/// <summary>
/// The events Asterisk 22 sends for one routed call today (StasisStart, a ChannelVarset echo for each of the
/// three variables the router sets, StasisEnd, ChannelHangupRequest, ChannelDestroyed), decoded in order;
/// Mean is per event (7 per operation).
/// </summary>
[MemoryDiagnoser]
public class AriCallEventsDecodeBenchmarks
{
    private static readonly string[] CallEvents =
        ["StasisStart", "ChannelVarset", "ChannelVarset", "ChannelVarset", "StasisEnd", "ChannelHangupRequest", "ChannelDestroyed"];

    private byte[][] _call = [];

    [GlobalSetup]
    public void Setup() => _call = [.. CallEvents.Select(GoldenEvents.Read)];

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
}

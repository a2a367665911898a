using AriCrmRouter.Ari.Events;
using BenchmarkDotNet.Attributes;

namespace AriCrmRouter.Benchmarks;

/// <summary>
/// <see cref="AriEventDecoder.Decode"/> on real Asterisk 22 payloads, one event per operation on one thread:
/// events per second per core = 1e9 / Mean (ns).
/// </summary>
[MemoryDiagnoser]
public class AriEventDecodeBenchmarks
{
    private byte[] _event = [];

    [Params("StasisStart", "ChannelVarset", "ChannelDtmfReceived", "StasisEnd", "ChannelDestroyed", "PlaybackFinished")]
    public string Event { get; set; } = "StasisStart";

    [GlobalSetup]
    public void Setup()
    {
        _event = GoldenEvents.Read(Event);
    }

    [Benchmark]
    public AriEvent Decode() => AriEventDecoder.Decode(_event);
}

using AriCrmRouter.Ari.Events;
using BenchmarkDotNet.Attributes;

namespace AriCrmRouter.Benchmarks;

/// <summary>
/// <see cref="AriEventDecoder.Decode"/> on real Asterisk 22 payloads, one event per operation on one thread:
/// events per second per core = 1e9 / Mean (ns). <c>CallMix</c> decodes the events of one routed call
/// (StasisStart, three ChannelVarset echoes, StasisEnd, ChannelHangupRequest, ChannelDestroyed) per operation.
/// </summary>
[MemoryDiagnoser]
public class AriEventDecodeBenchmarks
{
    private static readonly string[] CallEvents =
        ["StasisStart", "ChannelVarset", "ChannelVarset", "ChannelVarset", "StasisEnd", "ChannelHangupRequest", "ChannelDestroyed"];

    private byte[] _event = [];
    private byte[][] _call = [];

    [Params("StasisStart", "ChannelVarset", "ChannelDtmfReceived", "StasisEnd", "ChannelDestroyed", "PlaybackFinished")]
    public string Event { get; set; } = "StasisStart";

    [GlobalSetup]
    public void Setup()
    {
        _event = GoldenEvents.Read(Event);
        _call = [.. CallEvents.Select(GoldenEvents.Read)];
    }

    [Benchmark]
    public AriEvent Decode() => AriEventDecoder.Decode(_event);

    [Benchmark(OperationsPerInvoke = 7)]
    public AriEvent? CallMix()
    {
        AriEvent? last = null;
        foreach (var payload in _call)
        {
            last = AriEventDecoder.Decode(payload);
        }

        return last;
    }
}

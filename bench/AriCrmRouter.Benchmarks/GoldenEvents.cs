namespace AriCrmRouter.Benchmarks;

/// <summary>The ARI events Asterisk 22 sent in tests/AriCrmRouter.Ari.Tests/TestData/asterisk22, as UTF-8 bytes.</summary>
internal static class GoldenEvents
{
    public static byte[] Read(string name)
    {
        using var stream = typeof(GoldenEvents).Assembly.GetManifestResourceStream($"asterisk22/{name}.json")
            ?? throw new InvalidOperationException($"no golden event asterisk22/{name}.json is embedded");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}

namespace AriCrmRouter.Ari.Tests.Support;

/// <summary>A test class over a fake ARI and the client wired as in production, new for every test.</summary>
public abstract class AriHarnessTests : IAsyncLifetime
{
    /// <summary>How long a test waits for something the fake ARI or the client does in the background.</summary>
    protected static readonly TimeSpan Timeout = AriHarness.Timeout;

    internal AriHarness Harness { get; private set; } = null!;

    protected IAriClient Client => Harness.Client;

    public async Task InitializeAsync() => Harness = await AriHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

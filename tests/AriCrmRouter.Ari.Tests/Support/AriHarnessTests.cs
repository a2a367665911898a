namespace AriCrmRouter.Ari.Tests.Support;

/// <summary>A test class over a fake ARI and the client wired as in production, new for every test.</summary>
public abstract class AriHarnessTests : IAsyncLifetime
{
    internal AriHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await AriHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

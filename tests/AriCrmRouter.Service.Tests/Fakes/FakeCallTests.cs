namespace AriCrmRouter.Service.Tests.Fakes;

/// <summary>A test class of the call flow: the call handling on a fake lookup and a fake clock, new for every test.</summary>
public abstract class FakeCallTests : IAsyncLifetime
{
    private CallHarness? _calls;

    internal FakeCrmLookup Crm { get; } = new();

    internal FakeTimeProvider Clock { get; } = FakeCalls.NewClock();

    internal CallHarness Calls => _calls ?? throw new InvalidOperationException("not initialised");

    /// <summary>Configuration the test class overrides (e.g. <c>Routing:ContinueRetries</c>).</summary>
    protected virtual Dictionary<string, string?> Settings => [];

    /// <summary>The call is continued to <paramref name="destination"/> (context and extension) with a decision label that starts with <paramref name="why"/>.</summary>
    protected async Task AssertContinuedAsync(string call, string destination, string why)
    {
        Assert.Equal($"continue {call} {destination} 1", await Calls.ContinuedAsync(call));
        Assert.StartsWith(why, Calls.Ari.LabelOf(call), StringComparison.Ordinal);
    }

    public Task InitializeAsync()
    {
        _calls = FakeCalls.Start(Crm, Clock, Settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_calls is not null)
        {
            await _calls.DisposeAsync();
        }
    }
}

namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

/// <summary>
/// What every vendor page shares: the connector built the way the host builds it (see
/// <see cref="ConnectorTestHost{TConnector}"/>), its fake clock, and the fake CRM a test starts with
/// <see cref="OwnAsync{TFake}"/> in <see cref="InitializeAsync"/>, stopped after the test.
/// </summary>
public abstract class ConnectorPage : IAsyncLifetime
{
    private readonly IConnectorHost _host;
    private readonly List<IAsyncDisposable> _owned = [];

    private protected ConnectorPage(IConnectorHost host) => _host = host;

    protected ICrmConnector Connector => _host.Connector;

    protected FakeTimeProvider Clock => _host.Time;

    /// <summary>Starts and seeds the page's fake CRM.</summary>
    public abstract Task InitializeAsync();

    public async Task DisposeAsync()
    {
        _host.Dispose();
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    /// <summary>Awaits a starting fake and stops it when the test ends.</summary>
    protected async Task<TFake> OwnAsync<TFake>(Task<TFake> starting)
        where TFake : IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(starting);
        var fake = await starting;
        _owned.Add(fake);
        return fake;
    }

    protected Task<LookupOutcome> Lookup(CrmConnection connection, CrmLookupRequest request) =>
        Connector.LookupAsync(connection, request, CancellationToken.None);

    /// <summary>The failure of a lookup that must fail.</summary>
    protected Task<CrmLookupException> FailureAsync(CrmConnection connection, CrmLookupRequest request) =>
        Assert.ThrowsAsync<CrmLookupException>(() => Lookup(connection, request));

    /// <summary>The failure of a lookup that must fail as <paramref name="kind"/>, for what else a test asserts of it.</summary>
    protected async Task<CrmLookupException> FailsAsAsync(CrmFailureKind kind, CrmConnection connection, CrmLookupRequest request)
    {
        var failure = await FailureAsync(connection, request);
        Assert.Equal(kind, failure.Kind);
        return failure;
    }

    /// <summary>
    /// Looks up, lets <paramref name="meanwhile"/> happen (the clock moves on, the vendor expires its tokens) and
    /// looks up again: how a page sees whether a credential is reused, renewed before use or renewed when refused.
    /// </summary>
    protected async Task<LookupOutcome> LookupTwiceAsync(CrmConnection connection, CrmLookupRequest request, Action? meanwhile = null)
    {
        await Lookup(connection, request);
        meanwhile?.Invoke();
        return await Lookup(connection, request);
    }

    /// <summary><see cref="LookupTwiceAsync(CrmConnection, CrmLookupRequest, Action?)"/> with <paramref name="elapsed"/> between.</summary>
    protected Task<LookupOutcome> LookupTwiceAsync(CrmConnection connection, CrmLookupRequest request, TimeSpan elapsed) =>
        LookupTwiceAsync(connection, request, () => Clock.Advance(elapsed));

    /// <summary>Each of <paramref name="settings"/> is named, quoted, by one of the validation <paramref name="problems"/>.</summary>
    protected static void AssertNamesEach(IEnumerable<string> problems, params string[] settings) =>
        Assert.All(settings, setting => Assert.Contains(problems, p => p.Contains($"'{setting}'", StringComparison.Ordinal)));
}

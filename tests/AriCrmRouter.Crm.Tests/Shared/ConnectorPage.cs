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
}

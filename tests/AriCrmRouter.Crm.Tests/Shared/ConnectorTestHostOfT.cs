using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

/// <summary>
/// Builds a connector the way the host does (named CRM HttpClient, options, time, logger) for tests against
/// a local fake CRM.
/// For connectors that need their own services (Bullhorn's authorize client) or non-default options;
/// otherwise <see cref="ConnectorTestHost"/>'s shared factory and clock are enough.
/// </summary>
internal sealed class ConnectorTestHost<TConnector> : IConnectorHost
    where TConnector : ICrmConnector
{
    private readonly ServiceProvider _services;

    public ConnectorTestHost(
        Func<IHttpClientFactory, IOptions<CrmOptions>, TimeProvider, ILogger<TConnector>, TConnector> create,
        Action<IServiceCollection>? configure = null,
        CrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        var services = new ServiceCollection();
        services.AddHttpClient(CrmHttp.ClientName);
        services.Configure<CrmOptions>(o =>
        {
            o.AllowedPrivateNetworks = "127.0.0.0/8"; // fakes listen on loopback
            // The clients registered here (Bullhorn's authorize client) time each attempt out after AttemptTimeout
            // (1 s by default): on a loaded machine a cold fake's first answer can take longer, which turned a
            // 429 test into "Unavailable". No test here is about that timeout (VendorHttpTimeoutTests covers it without a clock).
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
        });
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        Time = ConnectorTestHost.NewClock();
        Connector = create(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(options ?? new CrmOptions()), Time, NullLogger<TConnector>.Instance);
    }

    public TConnector Connector { get; }

    ICrmConnector IConnectorHost.Connector => Connector;

    public FakeTimeProvider Time { get; }

    public void Dispose() => _services.Dispose();
}

/// <summary>A built connector and its clock, whatever its type: what <see cref="ConnectorPage"/> holds.</summary>
internal interface IConnectorHost : IDisposable
{
    ICrmConnector Connector { get; }

    FakeTimeProvider Time { get; }
}

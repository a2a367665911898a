using AriCrmRouter.Crm.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

/// <summary>
/// Builds a connector the way the host does (named CRM HttpClient, options, time, logger) for tests against
/// a local fake CRM.
/// For connectors that need their own services (Bullhorn's authorize client) or non-default options;
/// otherwise <see cref="ConnectorTestHost"/>'s shared factory and clock are enough.
/// </summary>
internal sealed class ConnectorTestHost<TConnector> : IDisposable
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
        services.Configure<CrmOptions>(o => o.AllowedPrivateNetworks = "127.0.0.0/8"); // fakes listen on loopback
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        Time = ConnectorTestHost.NewClock();
        Connector = create(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(options ?? new CrmOptions()), Time, NullLogger<TConnector>.Instance);
    }

    public TConnector Connector { get; }

    public FakeTimeProvider Time { get; }

    public void Dispose() => _services.Dispose();
}

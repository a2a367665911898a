using AriCrmRouter.Crm.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AriCrmRouter.Crm.Tests.SugarCrm;

/// <summary>
/// Builds a connector the way the host does (named CRM HttpClient, options, time, logger) for tests against
/// a local fake CRM. Shared by the SugarCRM, SuiteCRM, Vtiger, Zendesk and Bullhorn connector tests.
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
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        Connector = create(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(options ?? new CrmOptions()), Time, NullLogger<TConnector>.Instance);
    }

    public TConnector Connector { get; }

    public FakeTimeProvider Time { get; }

    public void Dispose() => _services.Dispose();
}

using Microsoft.Extensions.Configuration;

namespace AriCrmRouter.Crm.Tests.Lookup;

/// <summary>The CRM lookup services exactly as the router composes them, with an in-memory cache and given connections.</summary>
internal sealed class LookupTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public LookupTestHost(IDictionary<string, string?>? settings = null, IEnumerable<ICrmConnector>? connectors = null, params CrmConnection[] connections)
        : this(settings, connectors, new FixedConnectionSource(connections))
    {
    }

    public LookupTestHost(IDictionary<string, string?>? settings, IEnumerable<ICrmConnector>? connectors, ICrmConnectionStore connections)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICrmAnswerCache>(Cache);
        services.AddSingleton(connections);
        foreach (var connector in connectors ?? [])
        {
            services.AddSingleton(connector);
        }

        services.AddCrmLookups(configuration);
        _provider = services.BuildServiceProvider(validateScopes: true);
    }

    public InMemoryAnswerCache Cache { get; } = new();

    public CrmLookupService Lookup => _provider.GetRequiredService<CrmLookupService>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

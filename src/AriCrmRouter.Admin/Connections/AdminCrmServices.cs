using AriCrmRouter.Crm;
using AriCrmRouter.Crm.Auth;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Lookup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AriCrmRouter.Admin.Connections;

/// <summary>
/// The CRM services of the router (<see cref="CrmServiceCollectionExtensions.AddCrmLookups"/> and
/// <see cref="CrmConnectorServiceCollectionExtensions.AddCrmConnectors"/>: same HTTP client, trusted CAs,
/// timeouts, retries and tracing), with connections read from the admin's Redis and no answer cache, so that
/// a connection test and a simulation always ask the CRM and never change what the router has cached.
/// </summary>
public sealed class AdminCrmServices : IAsyncDisposable
{
    /// <summary>The <c>Crm</c> settings the admin tools take from the environment or configuration, named as the router's (<c>Crm__DefaultRegion</c>, ...).</summary>
    public static readonly string[] EnvironmentSettings =
        ["DefaultRegion", "ExtraTrustedCaFile", "AllowedPrivateNetworks", "DefaultLookupTimeout", "AttemptTimeout", "MaxRetries", "MaxResponseBytes"];

    private readonly ServiceProvider _services;

    public AdminCrmServices(ICrmConnectionStore connections, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in EnvironmentSettings)
        {
            if (environment($"{CrmOptions.SectionName}__{name}") is { Length: > 0 } value)
            {
                settings[$"{CrmOptions.SectionName}:{name}"] = value;
            }
        }

        // An admin tool reads a connection on every test: what was just saved is what is tested.
        settings[$"{CrmOptions.SectionName}:{nameof(CrmOptions.ConnectionFreshness)}"] = "00:00:00";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(connections);
        services.AddSingleton<IRefreshTokenStore>(connections); // a test spends single-use refresh tokens as the router does
        services.AddSingleton<ICrmAnswerCache, NoAnswerCache>();
        services.AddCrmLookups(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddCrmConnectors();
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public CrmConnectorRegistry Connectors => _services.GetRequiredService<CrmConnectorRegistry>();

    public CrmLookupService Lookup => _services.GetRequiredService<CrmLookupService>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

using AriCrmRouter.Ari.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AriCrmRouter.Ari;

public static class AriServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AriOptions"/> (section <c>Ari</c>, validated on start), the ARI
    /// <see cref="HttpClient"/> (without request logging, so URLs never reach logs), and for the top-level server
    /// (<c>Ari:BaseUrl</c>) <see cref="IAriClient"/>, the singleton <see cref="AriEventConnection"/> and its
    /// <see cref="AriConnectionMonitor"/>. A host serving several servers builds those per server
    /// (<see cref="AriOptions.ForServer"/>) instead.
    /// </summary>
    public static IServiceCollection AddAriClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AriOptions>()
            .Bind(configuration.GetSection(AriOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AriOptions>, AriOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // One client for every server: each AriRestClient sends absolute URLs of its own server.
        services.AddHttpClient(AriRestClient.HttpClientName, (serviceProvider, http) =>
                http.Timeout = serviceProvider.GetRequiredService<IOptions<AriOptions>>().Value.RequestTimeout)
            .RemoveAllLoggers();

        services.TryAddSingleton<IAriClient, AriRestClient>();
        services.TryAddSingleton<AriConnectionMonitor>();
        services.TryAddSingleton<AriEventConnection>();
        return services;
    }
}

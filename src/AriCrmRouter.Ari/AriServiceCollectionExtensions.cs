using AriCrmRouter.Ari.Rest;
using AriCrmRouter.Ari.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Ari;

public static class AriServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AriOptions"/> (section <c>Ari</c>, validated on start), the ARI
    /// <see cref="HttpClient"/> (without request logging, so URLs never reach logs), <see cref="IAriClient"/>
    /// the singleton <see cref="AriEventConnection"/> and its <see cref="AriConnectionMonitor"/>.
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

        services.AddHttpClient(AriRestClient.HttpClientName, (serviceProvider, http) =>
            {
                var options = serviceProvider.GetRequiredService<IOptions<AriOptions>>().Value;
                http.BaseAddress = AriUris.RestBase(options.BaseUrl);
                http.Timeout = options.RequestTimeout;
            })
            .RemoveAllLoggers();

        services.TryAddSingleton<IAriClient, AriRestClient>();
        services.TryAddSingleton<AriConnectionMonitor>();
        services.TryAddSingleton<AriEventConnection>();
        return services;
    }
}

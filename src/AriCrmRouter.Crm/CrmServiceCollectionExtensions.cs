using AriCrmRouter.Crm.CustomCrm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AriCrmRouter.Crm;

public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// CRM lookups: options (section <c>Crm</c>), the pooled CRM HTTP client with retries of safe requests,
    /// the custom CRM client, the connector registry and the lookup service. The vendor connectors come from
    /// <see cref="CrmConnectorServiceCollectionExtensions.AddCrmConnectors"/>; the host supplies
    /// <see cref="ICrmConnectionStore"/> and <see cref="ICrmAnswerCache"/>.
    /// </summary>
    public static IServiceCollection AddCrmLookups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CrmOptions>().Bind(configuration.GetSection(CrmOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        var http = services.AddCrmHttpClient(CrmHttp.ClientName);
        http.AddResilienceHandler("crm", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<CrmOptions>>().Value;
                if (options.MaxRetries > 0)
                {
                    var retry = new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        Delay = TimeSpan.FromMilliseconds(50),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = false,
                        ShouldHandle = args => ValueTask.FromResult(
                            HttpClientResiliencePredicates.IsTransient(args.Outcome)
                            && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests
                            && CrmAddressRefusedException.Find(args.Outcome.Exception) is null),
                    };
                    retry.DisableForUnsafeHttpMethods();
                    builder.AddRetry(retry);
                }

                builder.AddTimeout(options.AttemptTimeout);
            });
        http.AddCrmTracing(); // inside the retry handler: every attempt is traced

        services.TryAddSingleton<CustomCrmClient>();
        services.TryAddSingleton<CustomCrmConnector>();
        services.TryAddSingleton<CrmConnectorRegistry>();
        services.TryAddSingleton<CrmTargets>();
        services.TryAddSingleton<CrmLookupMetrics>();
        services.TryAddSingleton<CrmLookupService>();
        return services;
    }
}

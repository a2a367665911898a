using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Storage.Cache;
using AriCrmRouter.Storage.Routers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AriCrmRouter.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Redis connection (options from the <c>Redis</c> section, validated on start), the secrets
    /// protector (key ring from the <c>Secrets</c> section), the rule
    /// store (<see cref="IRuleStore"/>), the CRM connection store (<see cref="ICrmConnectionStore"/>, also the
    /// connectors' <see cref="Crm.Auth.IRefreshTokenStore"/>) and the
    /// CRM answer cache (<see cref="ICrmAnswerCache"/>).
    /// </summary>
    public static IServiceCollection AddRedisStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RedisOptions>()
            .Bind(configuration.GetSection(RedisOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<StorageMetrics>();
        services.AddOptions<SecretsOptions>().Bind(configuration.GetSection(SecretsOptions.SectionName));
        services.TryAddSingleton<SecretProtector>();
        services.TryAddSingleton<StoredSecrets>();
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisRuleStore>();
        services.TryAddSingleton<IRuleStore>(sp => sp.GetRequiredService<RedisRuleStore>());
        services.TryAddSingleton<RedisCrmConnectionStore>();
        services.TryAddSingleton<ICrmConnectionStore>(sp => sp.GetRequiredService<RedisCrmConnectionStore>());
        services.TryAddSingleton<Crm.Auth.IRefreshTokenStore>(sp => sp.GetRequiredService<RedisCrmConnectionStore>());
        services.TryAddSingleton<RedisCrmAnswerCache>();
        services.TryAddSingleton<RedisRouterLeases>();
        services.TryAddSingleton<ICrmAnswerCache>(sp => sp.GetRequiredService<RedisCrmAnswerCache>());
        services.TryAddSingleton<Decisions.RedisDecisionLog>();
        return services;
    }

    /// <summary>
    /// Registers the router's start-up check of the stored secrets against the key ring (one log line: which rules
    /// and connections cannot be decrypted, or that all can). Call after <see cref="AddRedisStorage"/>.
    /// </summary>
    public static IServiceCollection AddSecretsStartupCheck(this IServiceCollection services)
    {
        services.AddHostedService<SecretsStartupCheck>();
        return services;
    }

    /// <summary>
    /// Registers <see cref="RuleSetWatcher"/> as a hosted service and as the router's
    /// <see cref="IRuleSetProvider"/>. Call after <see cref="AddRedisStorage"/>; the router uses it, the admin
    /// tool does not.
    /// </summary>
    public static IServiceCollection AddRuleSetWatcher(this IServiceCollection services)
    {
        services.TryAddSingleton<RuleSetWatcher>();
        services.TryAddSingleton<IRuleSetProvider>(sp => sp.GetRequiredService<RuleSetWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<RuleSetWatcher>());
        return services;
    }
}

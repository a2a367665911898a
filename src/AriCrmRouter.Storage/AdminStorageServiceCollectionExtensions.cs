using AriCrmRouter.Storage.Administration;
using AriCrmRouter.Storage.Decisions;
using AriCrmRouter.Storage.History;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AriCrmRouter.Storage;

public static class AdminStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stores of the administration surfaces (accounts and API tokens, change history, the
    /// recent-decisions stream). Call after <see cref="StorageServiceCollectionExtensions.AddRedisStorage"/>.
    /// </summary>
    public static IServiceCollection AddAdminStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisAdminAccountStore>();
        services.TryAddSingleton<RedisChangeHistory>();
        services.TryAddSingleton<RedisDecisionLog>();
        return services;
    }
}

using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Storage;
using AriCrmRouter.Storage.Administration;
using AriCrmRouter.Storage.History;
using AriCrmRouter.Storage.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Cli;

/// <summary>
/// The Redis stores, wired exactly as the router wires them (<see cref="StorageServiceCollectionExtensions.AddRedisStorage"/>)
/// but from the CLI's <c>--redis</c>, <c>--prefix</c> and <c>--key-ring</c>. Opened only by commands that need Redis.
/// </summary>
internal sealed class StorageSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StorageSession(ServiceProvider services) => _services = services;

    /// <summary>The rule store; every write is recorded in the change history as made by <see cref="Actor"/>.</summary>
    public IRuleStore Rules => History.Recording(_services.GetRequiredService<Storage.Rules.RedisRuleStore>(), Actor);

    /// <summary>The connection store; saves and deletes are recorded in the change history.</summary>
    public ICrmConnectionStore Connections => History.Recording(_services.GetRequiredService<ICrmConnectionStore>(), Actor);

    public RedisChangeHistory History => _services.GetRequiredService<RedisChangeHistory>();

    public RedisAdminAccountStore Accounts => _services.GetRequiredService<RedisAdminAccountStore>();

    /// <summary>Who the history names for changes made with the CLI: the operating-system user.</summary>
    public static string Actor => "cli:" + global::System.Environment.UserName;

    public StoredSecrets Secrets => _services.GetRequiredService<StoredSecrets>();

    public static StorageSession Open(string redisConfiguration, string keyPrefix, string? keyRingPath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Redis:Configuration"] = redisConfiguration,
                ["Redis:KeyPrefix"] = keyPrefix,
                ["Secrets:KeyRingPath"] = keyRingPath,
            })
            .Build();
        var services = new ServiceCollection().AddRedisStorage(configuration).AddAdminStorage().BuildServiceProvider();
        try
        {
            // Validate now, so that a bad --redis or --prefix is a usage error rather than a failure later on.
            _ = services.GetRequiredService<IOptions<Storage.Redis.RedisOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            services.Dispose();
            throw new UsageException(string.Join(" ", ex.Failures));
        }

        return new StorageSession(services);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

using AriCrmRouter.Storage;
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

    public IRuleStore Rules => _services.GetRequiredService<IRuleStore>();

    public ICrmConnectionStore Connections => _services.GetRequiredService<ICrmConnectionStore>();

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
        var services = new ServiceCollection().AddRedisStorage(configuration).BuildServiceProvider();
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

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace AriCrmRouter.Storage.Tests;

/// <summary>
/// The storage services wired as the router wires them (AddRedisStorage), against a test's Redis server and
/// under a key prefix of their own, so that tests sharing a server do not see each other's data. Unless the settings
/// name one, each harness gets a key ring of its own with one key.
/// </summary>
internal sealed class StorageHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private readonly string? _ownKeyRing;

    private StorageHarness(ServiceProvider services, string prefix, FakeLogCollector logs, string? ownKeyRing)
    {
        _services = services;
        Prefix = prefix;
        Logs = logs;
        _ownKeyRing = ownKeyRing;
    }

    public string Prefix { get; }

    public FakeLogCollector Logs { get; }

    public static StorageHarness Create(RedisServer server, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        var values = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = server.Configuration,
            ["Redis:KeyPrefix"] = prefix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        string? ownKeyRing = null;
        if (!values.ContainsKey("Secrets:KeyRingPath"))
        {
            ownKeyRing = NewKeyRing();
            values["Secrets:KeyRingPath"] = ownKeyRing;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddRedisStorage(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new StorageHarness(provider, prefix, provider.GetRequiredService<FakeLogCollector>(), ownKeyRing);
    }

    /// <summary>A new key ring directory holding one key.</summary>
    public static string NewKeyRing()
    {
        var path = Directory.CreateTempSubdirectory("crmrouter-keys-").FullName;
        using var ring = SecretKeyRing.Open(path);
        ring.CreateKey(TimeProvider.System);
        return path;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The harness's own connection, for looking at raw keys.</summary>
    /// <summary>Starts the rule-set watcher; disposing the result stops it again, whatever the test did meanwhile.</summary>
    public async Task<RunningWatcher> StartWatcherAsync()
    {
        var watcher = Get<RuleSetWatcher>();
        await watcher.StartAsync(Ct);
        return new RunningWatcher(watcher);
    }

    public async Task<IDatabase> RawAsync() => (await Get<RedisConnection>().GetAsync(CancellationToken.None)).GetDatabase();

    public async Task<IReadOnlyList<string>> KeysAsync()
    {
        var multiplexer = await Get<RedisConnection>().GetAsync(CancellationToken.None);
        var server = multiplexer.GetServers()[0];
        return [.. server.Keys(pattern: Prefix + "*").Select(k => k.ToString())];
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownKeyRing is not null)
        {
            Directory.Delete(_ownKeyRing, recursive: true);
        }
    }
}

/// <summary>A started <see cref="RuleSetWatcher"/>, stopped on dispose.</summary>
internal sealed record RunningWatcher(RuleSetWatcher Watcher) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await Watcher.StopAsync(Ct);
}

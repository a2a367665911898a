
namespace AriCrmRouter.TestKit.Redis;

/// <summary>
/// A real Redis Sentinel deployment on loopback for one test class: a master, one replica and a Sentinel
/// watching them (quorum 1, a master is down after one second). <see cref="KillMasterAsync"/> kills the
/// master the way a crash would; <see cref="WaitForPromotionAsync"/> waits until Sentinel has made the
/// replica the new master. Clients connect through <see cref="Configuration"/>, as the router and CLI do.
/// </summary>
public sealed class RedisSentinelSet : IAsyncLifetime, IAsyncDisposable
{
    public const string ServiceName = "crmrouter";

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("crmrouter-sentinel-").FullName;

    public RedisSentinelSet()
    {
        Master = new RedisServer();
        Replica = new RedisServer(port => [.. RedisServer.ServerArguments(port), "--replicaof", "127.0.0.1", Text(Master.Port)]);
        Sentinel = new RedisServer(SentinelArguments);
    }

    public RedisServer Master { get; }

    public RedisServer Replica { get; }

    public RedisServer Sentinel { get; }

    /// <summary>The StackExchange.Redis configuration that reaches the master through Sentinel.</summary>
    public string Configuration => $"127.0.0.1:{Text(Sentinel.Port)},serviceName={ServiceName}";

    /// <summary>Starts master, replica (synchronised) and Sentinel, and waits until Sentinel knows the replica.</summary>
    public async Task InitializeAsync()
    {
        await Master.StartAsync();
        await Replica.StartAsync();
        await WaitUntilAsync(Replica.Port, ["INFO", "replication"], reply => reply.Contains("master_link_status:up", StringComparison.Ordinal), "the replica to synchronise");
        await Sentinel.StartAsync();
        await WaitUntilAsync(Sentinel.Port, ["SENTINEL", "REPLICAS", ServiceName], reply => reply.Contains($"\r\n{Text(Replica.Port)}\r\n", StringComparison.Ordinal), "Sentinel to discover the replica");
    }

    /// <summary>Kills the master process (its data is gone; the replica holds a copy).</summary>
    public Task KillMasterAsync() => Master.StopAsync();

    /// <summary>Waits until Sentinel names the replica as the master of <see cref="ServiceName"/>.</summary>
    public Task WaitForPromotionAsync() =>
        WaitUntilAsync(Sentinel.Port, ["SENTINEL", "GET-MASTER-ADDR-BY-NAME", ServiceName], reply => reply.Contains($"\r\n{Text(Replica.Port)}\r\n", StringComparison.Ordinal), "Sentinel to promote the replica");

    public async Task DisposeAsync()
    {
        await Sentinel.DisposeAsync();
        await Replica.DisposeAsync();
        await Master.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private IReadOnlyList<string> SentinelArguments(int port)
    {
        // Sentinel rewrites its configuration file, so each start gets a fresh, writable one.
        var file = Path.Combine(_directory, $"sentinel-{Text(port)}.conf");
        File.WriteAllLines(file,
        [
            $"port {Text(port)}",
            "bind 127.0.0.1",
            "daemonize no",
            $"sentinel monitor {ServiceName} 127.0.0.1 {Text(Master.Port)} 1",
            $"sentinel down-after-milliseconds {ServiceName} 1000",
            $"sentinel failover-timeout {ServiceName} 10000",
        ]);
        return [file, "--sentinel"];
    }

    private static async Task WaitUntilAsync(int port, string[] command, Func<string, bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(SettleTimeout);
        var last = string.Empty;
        while (!timeout.IsCancellationRequested)
        {
            last = await RedisProbe.CommandAsync(port, command, timeout.Token);
            if (condition(last))
            {
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"Waited {SettleTimeout.TotalSeconds} s for {what}; the last reply to {string.Join(' ', command)} was: {last}");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

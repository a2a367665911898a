using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AriCrmRouter.Storage.Tests;

/// <summary>The process-wide Redis connection given a Sentinel configuration, on a real Sentinel set.</summary>
public sealed class SentinelConnectionTests : IAsyncLifetime
{
    private readonly RedisSentinelSet _set = new();

    public Task InitializeAsync() => _set.InitializeAsync();

    public Task DisposeAsync() => _set.DisposeAsync();

    [Fact]
    public async Task GetAsync_SentinelConfiguration_ReachesTheMaster()
    {
        await using var connection = Connect();

        var multiplexer = await connection.GetAsync(CancellationToken.None);

        var master = multiplexer.GetServers().Single(s => !s.IsReplica);
        Assert.Equal(_set.Master.Port, ((System.Net.IPEndPoint)master.EndPoint).Port);
        await multiplexer.GetDatabase().StringSetAsync("written-through-sentinel", "yes");
    }

    [Fact]
    public async Task GetAsync_SentinelDownAtFirstUse_FailsThenConnectsOnceSentinelAnswers()
    {
        await _set.Sentinel.StopAsync();
        await using var connection = Connect();

        await Assert.ThrowsAsync<RedisConnectionException>(() => connection.GetAsync(CancellationToken.None));
        await _set.Sentinel.StartAsync();
        var multiplexer = await connection.GetAsync(CancellationToken.None);

        Assert.Equal("PONG", (await multiplexer.GetDatabase().ExecuteAsync("PING")).ToString());
    }

    private RedisConnection Connect() =>
        new(Options.Create(new RedisOptions { Configuration = _set.Configuration + ",connectTimeout=500" }), NullLogger<RedisConnection>.Instance);
}

using AriCrmRouter.Crm.Lookup;

namespace AriCrmRouter.Storage.Tests;

/// <summary>Cache and store behaviour when Redis is stopped or stalled; owns its server.</summary>
public sealed class RedisOutageCacheTests : OwnRedisServerTests
{
    private const string LookupKey = "zoho-eu|Contacts|status|+15551234567";

    [Fact]
    public async Task Cache_RedisStopped_ThrowsStorageUnavailable()
    {
        await using var harness = StorageHarness.Create(Redis, settings: new Dictionary<string, string?> { ["Redis:CacheOperationTimeout"] = "00:00:10" });
        var cache = harness.Get<ICrmAnswerCache>();
        await cache.SetAsync(LookupKey, new CachedAnswer("GOLD"), TimeSpan.FromMinutes(1), Ct);

        await Redis.StopAsync();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => cache.GetAsync(LookupKey, Ct));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => cache.SetAsync(LookupKey, new CachedAnswer("GOLD"), TimeSpan.FromMinutes(1), Ct));
    }

    [Fact]
    public async Task Cache_RedisStalled_GivesUpAfterTheOperationTimeout()
    {
        await using var harness = StorageHarness.Create(Redis, settings: new Dictionary<string, string?> { ["Redis:CacheOperationTimeout"] = "00:00:00.100" });
        var cache = harness.Get<ICrmAnswerCache>();
        // Connect first (the cache shares this connection), so that only the stalled command meets the bound.
        var raw = await harness.RawAsync();
        await raw.PingAsync();

        // CLIENT PAUSE stalls every client's commands for 3 s; the cache must not wait that long.
        await raw.ExecuteAsync("CLIENT", "PAUSE", "3000", "ALL");
        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() => cache.GetAsync(LookupKey, Ct));

        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.DoesNotContain("5551234567", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleStore_RedisStopped_ThrowsStorageUnavailableNamingTheEndpoint()
    {
        await using var harness = StorageHarness.Create(Redis);
        var store = harness.Get<IRuleStore>();
        await store.LoadAsync(Ct);

        await Redis.StopAsync();

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.LoadAsync(Ct));
        Assert.Contains(Redis.Configuration, ex.Message, StringComparison.Ordinal);
    }
}

using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Storage.Cache;

namespace AriCrmRouter.Storage.Tests;

public sealed class RedisCrmAnswerCacheTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string LookupKey = "zoho-eu|Contacts|status|+15551234567";

    // These tests are about what is cached, not about the time bound (RedisOutageCacheTests covers that): a
    // generous bound keeps them from failing on a busy machine.
    private StorageHarness CreateHarness() => StorageHarness.Create(redis, settings: new Dictionary<string, string?> { ["Redis:CacheOperationTimeout"] = "00:00:10" });

    [Fact]
    public async Task GetAsync_NothingCached_ReturnsNull()
    {
        await using var harness = CreateHarness();

        Assert.Null(await harness.Get<ICrmAnswerCache>().GetAsync(LookupKey, Ct));
    }

    /// <summary>A found value, an empty value (still found) and "not found" (null) are each cached as such.</summary>
    [Theory]
    [InlineData("GOLD")]
    [InlineData("")]
    [InlineData(null)]
    public async Task SetAsync_Answer_IsReturnedByGetAsItWas(string? value)
    {
        await using var harness = CreateHarness();
        var cache = harness.Get<ICrmAnswerCache>();

        await cache.SetAsync(LookupKey, new CachedAnswer(value), TimeSpan.FromMinutes(5), Ct);

        Assert.Equal(new CachedAnswer(value), await cache.GetAsync(LookupKey, Ct));
    }

    [Fact]
    public async Task SetAsync_TimeToLive_IsSetOnTheRedisKey()
    {
        await using var harness = CreateHarness();
        var cache = harness.Get<RedisCrmAnswerCache>();

        await cache.SetAsync(LookupKey, new CachedAnswer("GOLD"), TimeSpan.FromSeconds(30), Ct);
        var ttl = await (await harness.RawAsync()).KeyTimeToLiveAsync(cache.RedisKeyFor(LookupKey));

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task GetAsync_AfterTimeToLive_ReturnsNull()
    {
        await using var harness = CreateHarness();
        var cache = harness.Get<ICrmAnswerCache>();
        await cache.SetAsync(LookupKey, new CachedAnswer("GOLD"), TimeSpan.FromMilliseconds(50), Ct);

        // Redis expires the key by its own clock: wait for that, bounded, rather than asserting a latency.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await cache.GetAsync(LookupKey, Ct) is not null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }

        Assert.Null(await cache.GetAsync(LookupKey, Ct));
    }

    [Fact]
    public async Task SetAsync_KeyWithPhoneNumber_StoresOnlyItsHash()
    {
        await using var harness = CreateHarness();
        var cache = harness.Get<RedisCrmAnswerCache>();

        await cache.SetAsync(LookupKey, new CachedAnswer("GOLD"), TimeSpan.FromMinutes(5), Ct);

        var key = Assert.Single(await harness.KeysAsync());
        Assert.DoesNotContain("5551234567", key, StringComparison.Ordinal);
        Assert.DoesNotContain("zoho", key, StringComparison.Ordinal);
        Assert.Matches($"^{harness.Prefix}cache:[0-9a-f]{{64}}$", key);
        Assert.Equal(cache.RedisKeyFor(LookupKey), key);
    }

    [Fact]
    public async Task RedisKeyFor_DifferentLookupKeys_GiveDifferentRedisKeys()
    {
        await using var harness = CreateHarness();
        var cache = harness.Get<RedisCrmAnswerCache>();

        Assert.NotEqual(cache.RedisKeyFor(LookupKey), cache.RedisKeyFor(LookupKey.Replace("567", "568", StringComparison.Ordinal)));
    }
}

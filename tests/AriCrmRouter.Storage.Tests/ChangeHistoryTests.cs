using AriCrmRouter.Storage.History;

namespace AriCrmRouter.Storage.Tests;

/// <summary>The change history of rule writes: a record for every version, written in the same transaction as the version.</summary>
public sealed class ChangeHistoryTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task TryReplaceAsync_Recorded_RecordNamesTheNewVersionAndKeepsItsDocument()
    {
        await using var harness = StorageHarness.Create(redis, services => services.AddAdminStorage());
        var history = harness.Get<RedisChangeHistory>();
        var store = history.Recording(harness.Get<RedisRuleStore>(), "cli:test");

        var first = await store.TryReplaceAsync(SampleRules.Set("vip-status"), 0, Ct);
        var second = await store.TryReplaceAsync(SampleRules.Set("vip-status", "lifetime-value"), 1, Ct);

        Assert.Equal([2L, 1L], (await history.ListAsync(10, Ct)).Select(r => r.RuleVersion!.Value));
        Assert.Equal((first, second), (1L, 2L));
        Assert.Equal(["vip-status"], (await history.LoadRuleVersionAsync(1, Ct))!.Rules.Select(r => r.Name));
        Assert.Equal("cli:test", (await history.ListAsync(1, Ct))[0].Actor);
    }

    [Fact]
    public async Task TryReplaceAsync_RecordCannotBeWritten_NeitherIsTheChange()
    {
        // A Redis account that may do everything but push to a list: the history record cannot be appended.
        var user = $"nolpush{Guid.NewGuid():N}";
        await using (var admin = StorageHarness.Create(redis))
        {
            await (await admin.RawAsync()).ExecuteAsync("ACL", "SETUSER", user, "on", ">secret-pw", "~*", "&*", "+@all", "-lpush");
        }

        await using var harness = StorageHarness.Create(
            redis,
            services => services.AddAdminStorage(),
            new Dictionary<string, string?> { ["Redis:Configuration"] = $"{redis.Configuration},user={user},password=secret-pw" });
        var history = harness.Get<RedisChangeHistory>();
        var store = history.Recording(harness.Get<RedisRuleStore>(), "cli:test");

        long? written = null;
        try
        {
            written = await store.TryReplaceAsync(SampleRules.Set("vip-status"), 0, Ct);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or StorageUnavailableException)
        {
            // Refused by Redis: what matters is what is stored afterwards.
        }

        Assert.Null(written);
        Assert.Equal(0, (await harness.Get<IRuleStore>().LoadAsync(Ct)).Version);
        Assert.Empty(await history.ListAsync(10, Ct));
    }
}

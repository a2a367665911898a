using AriCrmRouter.Routing.Files;

namespace AriCrmRouter.Storage.Tests;

public sealed class RedisRuleStoreTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task LoadAsync_NothingStored_ReturnsEmptySetAndVersionZero()
    {
        await using var harness = StorageHarness.Create(redis);

        var stored = await harness.Get<IRuleStore>().LoadAsync(Ct);

        Assert.Same(RuleSet.Empty, stored.RuleSet);
        Assert.Equal(0, stored.Version);
    }

    [Fact]
    public async Task ReplaceAsync_ThenLoad_RoundTripsRulesAndDids()
    {
        await using var harness = StorageHarness.Create(redis);
        var store = harness.Get<IRuleStore>();
        var set = SampleRules.Set("vip-status", "lifetime-value");

        var version = await store.ReplaceAsync(set, Ct);
        var stored = await store.LoadAsync(Ct);

        Assert.Equal(1, version);
        Assert.Equal(1, stored.Version);
        Assert.Equal(RuleFileCodec.Serialize(set), RuleFileCodec.Serialize(stored.RuleSet));
        Assert.Equal("vip-status", stored.RuleSet.DidAssignments["5551000"]);
    }

    [Fact]
    public async Task ReplaceAsync_EachWrite_IncrementsVersion()
    {
        await using var harness = StorageHarness.Create(redis);
        var store = harness.Get<IRuleStore>();

        var first = await store.ReplaceAsync(SampleRules.Set("a"), Ct);
        var second = await store.ReplaceAsync(SampleRules.Set("b"), Ct);
        var third = await store.ReplaceAsync(SampleRules.Set("c"), Ct);

        Assert.Equal([1L, 2L, 3L], [first, second, third]);
        Assert.Equal(["c"], SampleRules.Names((await store.LoadAsync(Ct)).RuleSet));
    }

    [Fact]
    public async Task ReplaceAsync_ConcurrentWriters_EndWithOneWholeDocumentAndEveryVersionCounted()
    {
        await using var harness = StorageHarness.Create(redis);
        var store = harness.Get<IRuleStore>();
        var sets = Enumerable.Range(0, 20)
            .Select(i => SampleRules.Set($"writer{i}-a", $"writer{i}-b", $"writer{i}-c"))
            .ToList();

        var versions = await Task.WhenAll(sets.Select(set => Task.Run(() => store.ReplaceAsync(set, Ct), Ct)));
        var stored = await store.LoadAsync(Ct);

        Assert.Equal(Enumerable.Range(1, 20).Select(v => (long)v), versions.Order());
        Assert.Equal(20, stored.Version);
        var names = SampleRules.Names(stored.RuleSet);
        Assert.Equal(3, names.Count);
        var writer = names[0].Split('-')[0];
        Assert.All(names, name => Assert.StartsWith(writer + "-", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TryReplaceAsync_ExpectedVersionMatches_Writes()
    {
        await using var harness = StorageHarness.Create(redis);
        var store = harness.Get<IRuleStore>();

        var first = await store.TryReplaceAsync(SampleRules.Set("a"), expectedVersion: 0, Ct);
        var second = await store.TryReplaceAsync(SampleRules.Set("b"), expectedVersion: 1, Ct);

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Equal(["b"], SampleRules.Names((await store.LoadAsync(Ct)).RuleSet));
    }

    [Fact]
    public async Task TryReplaceAsync_SomeoneWroteInBetween_WritesNothing()
    {
        await using var harness = StorageHarness.Create(redis);
        var store = harness.Get<IRuleStore>();
        await store.ReplaceAsync(SampleRules.Set("a"), Ct);
        await store.ReplaceAsync(SampleRules.Set("b"), Ct);

        var result = await store.TryReplaceAsync(SampleRules.Set("stale"), expectedVersion: 1, Ct);
        var fresh = await store.TryReplaceAsync(SampleRules.Set("stale"), expectedVersion: 0, Ct);

        Assert.Null(result);
        Assert.Null(fresh);
        var stored = await store.LoadAsync(Ct);
        Assert.Equal(2, stored.Version);
        Assert.Equal(["b"], SampleRules.Names(stored.RuleSet));
    }

    [Fact]
    public async Task LoadAsync_StoredDocumentInvalid_ThrowsWithProblemsInsteadOfPartialSet()
    {
        await using var harness = StorageHarness.Create(redis);
        var store = harness.Get<IRuleStore>();
        await store.ReplaceAsync(SampleRules.Set("a", "b"), Ct);
        var raw = await harness.RawAsync();
        // One good rule and one broken one: nothing of it may be used.
        var document = (await raw.StringGetAsync(harness.Prefix + "rules:document")).ToString();
        await raw.StringSetAsync(harness.Prefix + "rules:document", document.Replace("\"target\": \"103\"", "\"target\": \"\"", StringComparison.Ordinal));

        var ex = await Assert.ThrowsAsync<StoredRuleSetInvalidException>(() => store.LoadAsync(Ct));

        Assert.Equal(1, ex.Version);
        Assert.NotEmpty(ex.Problems);
        Assert.Contains("version 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_StoredDocumentNotJson_Throws()
    {
        await using var harness = StorageHarness.Create(redis);
        var raw = await harness.RawAsync();
        await raw.StringSetAsync(harness.Prefix + "rules:document", "{ not json");
        await raw.StringSetAsync(harness.Prefix + "rules:version", 7);

        var ex = await Assert.ThrowsAsync<StoredRuleSetInvalidException>(() => harness.Get<IRuleStore>().LoadAsync(Ct));

        Assert.Equal(7, ex.Version);
    }

    [Fact]
    public async Task ReplaceAsync_PublishesNewVersionOnChangeChannel()
    {
        await using var harness = StorageHarness.Create(redis);
        var store = harness.Get<RedisRuleStore>();
        var received = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await store.SubscribeAsync(version => received.TrySetResult(version), Ct);

        var written = await store.ReplaceAsync(SampleRules.Set("a"), Ct);

        Assert.Equal(written, await received.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact]
    public async Task KeyPrefix_SeparatesTwoRouters()
    {
        await using var first = StorageHarness.Create(redis);
        await using var second = StorageHarness.Create(redis);
        await first.Get<IRuleStore>().ReplaceAsync(SampleRules.Set("a"), Ct);

        var seenBySecond = await second.Get<IRuleStore>().LoadAsync(Ct);

        Assert.Equal(0, seenBySecond.Version);
        Assert.All(await first.KeysAsync(), key => Assert.StartsWith(first.Prefix, key, StringComparison.Ordinal));
    }
}

namespace AriCrmRouter.Storage.Tests;

public sealed class RuleSetWatcherTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestTimeout.Token;

    private StorageHarness CreateHarness() => StorageHarness.Create(redis, services => services.AddRuleSetWatcher());

    [Fact]
    public async Task StartAsync_SetAlreadyStored_ServesItBeforeStartReturns()
    {
        await using var harness = CreateHarness();
        var version = await harness.Get<IRuleStore>().ReplaceAsync(SampleRules.Set("a", "b"), Ct);
        var watcher = harness.Get<RuleSetWatcher>();

        await watcher.StartAsync(Ct);
        try
        {
            Assert.Equal(version, watcher.Version);
            Assert.Equal(["a", "b"], SampleRules.Names(watcher.Current));
            Assert.Same(watcher, harness.Get<IRuleSetProvider>());
        }
        finally
        {
            await watcher.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task ReplaceAsync_WhileWatching_NewSetIsServed()
    {
        await using var harness = CreateHarness();
        var watcher = harness.Get<RuleSetWatcher>();
        await watcher.StartAsync(Ct);
        try
        {
            var version = await harness.Get<IRuleStore>().ReplaceAsync(SampleRules.Set("fresh"), Ct);

            var served = await watcher.WaitUntilAsync(s => s.Version == version, Ct).WaitAsync(Patience, Ct);

            Assert.Equal(["fresh"], SampleRules.Names(served.RuleSet));
            Assert.Equal(["fresh"], SampleRules.Names(watcher.Current));
            Assert.Equal(version, watcher.Version);
        }
        finally
        {
            await watcher.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task Watcher_ChangeWrittenWithoutAnnouncement_IsFoundByPolling()
    {
        await using var harness = CreateHarness();
        var watcher = harness.Get<RuleSetWatcher>();
        await watcher.StartAsync(Ct);
        try
        {
            // Write the document and bump the version by hand, publishing nothing: only the poll can see it.
            var raw = await harness.RawAsync();
            await raw.StringSetAsync(harness.Prefix + "rules:document", Routing.Files.RuleFileCodec.Serialize(SampleRules.Set("polled")));
            var version = await raw.StringIncrementAsync(harness.Prefix + "rules:version");

            await watcher.WaitUntilAsync(s => s.Version == version, Ct).WaitAsync(Patience, Ct);

            Assert.Equal(["polled"], SampleRules.Names(watcher.Current));
        }
        finally
        {
            await watcher.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task CheckNowAsync_StoredDocumentInvalid_KeepsLastGoodSetAndLogsOnce()
    {
        await using var harness = CreateHarness();
        var store = harness.Get<IRuleStore>();
        var watcher = harness.Get<RuleSetWatcher>();
        var good = await store.ReplaceAsync(SampleRules.Set("good"), Ct);
        await watcher.CheckNowAsync(Ct);
        var raw = await harness.RawAsync();
        await raw.StringSetAsync(harness.Prefix + "rules:document", "{\"rules\": [{\"name\": \"broken\"}], \"dids\": {}}");
        await raw.StringIncrementAsync(harness.Prefix + "rules:version");

        await watcher.CheckNowAsync(Ct);
        await watcher.CheckNowAsync(Ct);
        await watcher.CheckNowAsync(Ct);

        Assert.Equal(good, watcher.Version);
        Assert.Equal(["good"], SampleRules.Names(watcher.Current));
        var errors = harness.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(4022, error.Id.Id);
    }

    [Fact]
    public async Task CheckNowAsync_InvalidDocumentReplacedByValidOne_ServesTheNewSetAndLogsRecovery()
    {
        await using var harness = CreateHarness();
        var store = harness.Get<IRuleStore>();
        var watcher = harness.Get<RuleSetWatcher>();
        await store.ReplaceAsync(SampleRules.Set("good"), Ct);
        await watcher.CheckNowAsync(Ct);
        var raw = await harness.RawAsync();
        await raw.StringSetAsync(harness.Prefix + "rules:document", "not a rule file");
        await raw.StringIncrementAsync(harness.Prefix + "rules:version");
        await watcher.CheckNowAsync(Ct);

        var fixedVersion = await store.ReplaceAsync(SampleRules.Set("repaired"), Ct);
        await watcher.CheckNowAsync(Ct);

        Assert.Equal(fixedVersion, watcher.Version);
        Assert.Equal(["repaired"], SampleRules.Names(watcher.Current));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 4024);
    }
}

namespace AriCrmRouter.Storage.Tests;

public sealed class RuleSetWatcherTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private StorageHarness CreateHarness() => StorageHarness.Create(redis, services => services.AddRuleSetWatcher());

    [Fact]
    public async Task StartAsync_SetAlreadyStored_ServesItBeforeStartReturns()
    {
        await using var harness = CreateHarness();
        var version = await harness.Get<IRuleStore>().ReplaceAsync(SampleRules.Set("a", "b"), Ct);
        await using var running = await harness.StartWatcherAsync();
        var watcher = running.Watcher;

        Assert.Equal(version, watcher.Version);
        Assert.Equal(["a", "b"], SampleRules.Names(watcher.Current));
        Assert.Same(watcher, harness.Get<IRuleSetProvider>());
    }

    [Fact]
    public async Task ReplaceAsync_WhileWatching_NewSetIsServed()
    {
        await using var harness = CreateHarness();
        await using var running = await harness.StartWatcherAsync();
        var watcher = running.Watcher;
        var version = await harness.Get<IRuleStore>().ReplaceAsync(SampleRules.Set("fresh"), Ct);

        var served = await watcher.WaitUntilAsync(s => s.Version == version, Ct).WaitAsync(Patience, Ct);

        Assert.Equal(["fresh"], SampleRules.Names(served.RuleSet));
        Assert.Equal(["fresh"], SampleRules.Names(watcher.Current));
        Assert.Equal(version, watcher.Version);
    }

    [Fact]
    public async Task Watcher_ChangeWrittenWithoutAnnouncement_IsFoundByPolling()
    {
        await using var harness = CreateHarness();
        await using var running = await harness.StartWatcherAsync();
        var watcher = running.Watcher;

        // Publishing nothing: only the poll can see it.
        var version = await WriteByHandAsync(harness, Routing.Files.RuleFileCodec.Serialize(SampleRules.Set("polled")));

        await watcher.WaitUntilAsync(s => s.Version == version, Ct).WaitAsync(Patience, Ct);

        Assert.Equal(["polled"], SampleRules.Names(watcher.Current));
    }

    [Fact]
    public async Task CheckNowAsync_StoredDocumentInvalid_KeepsLastGoodSetAndLogsOnce()
    {
        await using var harness = CreateHarness();
        var watcher = harness.Get<RuleSetWatcher>();
        var good = await ServeGoodThenWriteByHandAsync(harness, "{\"rules\": [{\"name\": \"broken\"}], \"dids\": {}}");

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
        var watcher = harness.Get<RuleSetWatcher>();
        await ServeGoodThenWriteByHandAsync(harness, "not a rule file");
        await watcher.CheckNowAsync(Ct);

        var fixedVersion = await harness.Get<IRuleStore>().ReplaceAsync(SampleRules.Set("repaired"), Ct);
        await watcher.CheckNowAsync(Ct);

        Assert.Equal(fixedVersion, watcher.Version);
        Assert.Equal(["repaired"], SampleRules.Names(watcher.Current));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 4024);
    }

    /// <summary>Stores and serves the rule set "good", then writes <paramref name="document"/> by hand as the next version.</summary>
    private static async Task<long> ServeGoodThenWriteByHandAsync(StorageHarness harness, string document)
    {
        var good = await harness.Get<IRuleStore>().ReplaceAsync(SampleRules.Set("good"), Ct);
        await harness.Get<RuleSetWatcher>().CheckNowAsync(Ct);
        await WriteByHandAsync(harness, document);
        return good;
    }

    /// <summary>Writes the rules document and bumps the version past the store (no validation, no announcement).</summary>
    private static async Task<long> WriteByHandAsync(StorageHarness harness, string document)
    {
        var raw = await harness.RawAsync();
        await raw.StringSetAsync(harness.Prefix + "rules:document", document);
        return await raw.StringIncrementAsync(harness.Prefix + "rules:version");
    }
}

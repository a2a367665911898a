namespace AriCrmRouter.Storage.Tests;

/// <summary>Stops and restarts its own Redis server, so it does not share one with other test classes.</summary>
public sealed class RuleSetWatcherOutageTests : OwnRedisServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Watcher_RedisStoppedAndRestartedEmpty_KeepsServingThenPicksUpTheNextImport()
    {
        await using var harness = StorageHarness.Create(Redis, services => services.AddRuleSetWatcher());
        var store = harness.Get<IRuleStore>();
        var first = await store.ReplaceAsync(SampleRules.Set("before-outage"), Ct);
        await using var running = await harness.StartWatcherAsync();
        var watcher = running.Watcher;
        Assert.Equal(first, watcher.Version);

        await Redis.StopAsync();
        await watcher.CheckNowAsync(Ct);
        await watcher.CheckNowAsync(Ct);
        Assert.Equal(["before-outage"], SampleRules.Names(watcher.Current));
        Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Id == 4021);

        // The restarted server lost everything (no persistence): the watcher must not serve "no rules".
        await Redis.StartAsync();
        await WaitUntilReachableAsync(store);
        await watcher.CheckNowAsync(Ct);
        Assert.Equal(["before-outage"], SampleRules.Names(watcher.Current));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 4023 && r.Level == LogLevel.Warning);

        // The next import starts again at version 1, the version already served: the stamp tells them apart.
        var next = await store.ReplaceAsync(SampleRules.Set("after-outage"), Ct);
        Assert.Equal(first, next);
        await watcher.WaitUntilAsync(s => s.RuleSet.FindByName("after-outage") is not null, Ct).WaitAsync(Patience, Ct);
        Assert.Equal(["after-outage"], SampleRules.Names(watcher.Current));
    }

    [Fact]
    public async Task Watcher_RedisDownAtStart_StartsEmptyAndLoadsOnceRedisIsBack()
    {
        await using (var writer = StorageHarness.Create(Redis))
        {
            await writer.Get<IRuleStore>().ReplaceAsync(SampleRules.Set("x"), Ct);
        }

        await Redis.StopAsync();
        await using var harness = StorageHarness.Create(Redis, services => services.AddRuleSetWatcher());
        await using var running = await harness.StartWatcherAsync();
        var watcher = running.Watcher;
        Assert.Equal(0, watcher.Version);
        Assert.Empty(watcher.Current.Rules);

        await Redis.StartAsync();
        await WaitUntilReachableAsync(harness.Get<IRuleStore>());
        var version = await harness.Get<IRuleStore>().ReplaceAsync(SampleRules.Set("late"), Ct);

        await watcher.WaitUntilAsync(s => s.Version == version, Ct).WaitAsync(Patience, Ct);
        Assert.Equal(["late"], SampleRules.Names(watcher.Current));
    }

    /// <summary>After a restart the client reconnects in the background; wait for it instead of guessing a delay.</summary>
    private static async Task WaitUntilReachableAsync(IRuleStore store)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            try
            {
                await store.LoadAsync(deadline.Token);
                return;
            }
            catch (StorageUnavailableException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
        }
    }
}

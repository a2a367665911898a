using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace AriCrmRouter.Storage.Rules;

/// <summary>
/// Keeps the router's rule set current: loads it at start, reloads it when a change is announced on the
/// change channel and, because announcements can be missed, also checks the version every
/// <see cref="RedisOptions.RulePollInterval"/>. When Redis is unreachable, empty, or holds an invalid
/// document, the last good set keeps being served and the problem is logged once (not at every poll).
/// </summary>
public sealed class RuleSetWatcher : BackgroundService, IRuleSetProvider
{
    private readonly RedisRuleStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _pollInterval;
    private readonly ILogger<RuleSetWatcher> _logger;
    private readonly SemaphoreSlim _checkLock = new(1, 1);
    private readonly Channel<long> _announcements = Channel.CreateBounded<long>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private volatile Served _served = new(new StoredRuleSet(RuleSet.Empty, 0), default);
    private TaskCompletionSource _changedSignal = NewSignal();
    private volatile string? _reportedProblem;
    private bool _subscribed;

    public RuleSetWatcher(RedisRuleStore store, IOptions<RedisOptions> options, TimeProvider timeProvider, ILogger<RuleSetWatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _timeProvider = timeProvider;
        _pollInterval = options.Value.RulePollInterval;
        _logger = logger;
    }

    public RuleSet Current => _served.RuleSet.RuleSet;

    public long Version => _served.RuleSet.Version;

    /// <summary>When the served set was swapped in (null before the first load).</summary>
    public DateTimeOffset? LoadedAt => _served.LoadedAt;

    /// <summary>True while the last check of the store failed (unreachable, missing or invalid): the last good set is served.</summary>
    public bool IsServingLastGood => _reportedProblem is not null;

    /// <summary>The served set and its version, read together.</summary>
    public StoredRuleSet Snapshot => _served.RuleSet;

    /// <summary>Completes when the served set satisfies <paramref name="condition"/> (checked now and after every change).</summary>
    public async Task<StoredRuleSet> WaitUntilAsync(Func<StoredRuleSet, bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        while (true)
        {
            var signal = Volatile.Read(ref _changedSignal);
            var snapshot = Snapshot;
            if (condition(snapshot))
            {
                return snapshot;
            }

            await signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Loads the rule set before the host starts taking calls; a failure is logged, not thrown.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TrySubscribeAsync(cancellationToken);
        await CheckNowAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Compares the stored revision with the served one and swaps in the stored set when it differs.</summary>
    public async Task CheckNowAsync(CancellationToken cancellationToken)
    {
        await _checkLock.WaitAsync(cancellationToken);
        try
        {
            await CheckAsync(cancellationToken);
        }
        finally
        {
            _checkLock.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitForPollOrAnnouncementAsync(stoppingToken);
                if (!_subscribed)
                {
                    await TrySubscribeAsync(stoppingToken);
                }

                await CheckNowAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WaitForPollOrAnnouncementAsync(CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(_pollInterval, _timeProvider, wait.Token);
        var announcement = _announcements.Reader.WaitToReadAsync(wait.Token).AsTask();
        await Task.WhenAny(poll, announcement);
        await wait.CancelAsync();
        while (_announcements.Reader.TryRead(out _))
        {
            // Drained: the check below reads the current version anyway.
        }

        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task TrySubscribeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _store.SubscribeAsync(version => _announcements.Writer.TryWrite(version), cancellationToken);
            _subscribed = true;
        }
        catch (StorageUnavailableException)
        {
            // Polling covers the gap; the check reports the outage itself.
            if (_reportedProblem is null)
            {
                Log.RuleChangeSubscriptionFailed(_logger, _pollInterval);
            }
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var served = _served;
        try
        {
            var revision = await _store.ReadRevisionAsync(cancellationToken);
            if (revision == served.Revision)
            {
                Recovered(served);
                return;
            }

            if (revision.Version == 0 && served.RuleSet.Version > 0)
            {
                Report("missing", () => Log.StoredRuleSetMissing(_logger, served.RuleSet.Version));
                return;
            }

            var (loaded, loadedRevision) = await _store.LoadWithRevisionAsync(cancellationToken);
            if (loadedRevision.Version == 0 && served.RuleSet.Version > 0)
            {
                Report("missing", () => Log.StoredRuleSetMissing(_logger, served.RuleSet.Version));
                return;
            }

            Swap(new Served(loaded, loadedRevision, _timeProvider.GetUtcNow()));
        }
        catch (StoredRuleSetInvalidException ex)
        {
            Report($"invalid:{ex.Message}", () => Log.StoredRuleSetInvalid(_logger, served.RuleSet.Version, ex.Message));
        }
        catch (StorageUnavailableException ex)
        {
            Report("unreachable", () => Log.RuleStoreUnreachable(_logger, served.RuleSet.Version, ex));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Report($"unexpected:{ex.GetType().FullName}", () => Log.RuleCheckFailed(_logger, served.RuleSet.Version, ex));
        }
    }

    private void Swap(Served next)
    {
        _served = next;
        Log.RuleSetLoaded(_logger, next.RuleSet.Version, next.RuleSet.RuleSet.Rules.Count, next.RuleSet.RuleSet.DidAssignments.Count);
        Recovered(next);
        Interlocked.Exchange(ref _changedSignal, NewSignal()).TrySetResult();
    }

    private void Report(string problem, Action log)
    {
        if (_reportedProblem != problem)
        {
            _reportedProblem = problem;
            log();
        }
    }

    private void Recovered(Served served)
    {
        if (_reportedProblem is not null)
        {
            _reportedProblem = null;
            Log.RuleStoreRecovered(_logger, served.RuleSet.Version);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Dispose()
    {
        _checkLock.Dispose();
        base.Dispose();
    }

    private sealed record Served(StoredRuleSet RuleSet, RuleSetRevision Revision, DateTimeOffset? LoadedAt = null);
}

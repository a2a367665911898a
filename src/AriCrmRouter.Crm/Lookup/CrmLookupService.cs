using System.Collections.Concurrent;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Crm.Lookup;

/// <summary>
/// Answers "what is this caller's value for the rule's field?" within the rule's deadline: from the shared
/// cache when possible, otherwise from the CRM (one request shared by concurrent callers with the same key),
/// through one circuit breaker per CRM. Never throws for a CRM or cache problem: those become
/// <see cref="LookupOutcome.LookupFailure"/>. Throws <see cref="OperationCanceledException"/> only when the
/// caller's own token is cancelled (the caller hung up).
/// </summary>
public sealed partial class CrmLookupService : IAsyncDisposable
{
    private readonly CrmTargets _targets;
    private readonly ICrmAnswerCache _cache;
    private readonly IOptions<CrmOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CrmLookupService> _logger;
    private readonly CrmLookupMetrics? _metrics;
    private readonly CrmBreakers _breakers;
    private readonly ConcurrentDictionary<string, Lazy<Task<LookupOutcome>>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Cancels shared CRM requests nobody waits for any more when the service shuts down.</summary>
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public CrmLookupService(
        CrmTargets targets,
        ICrmAnswerCache cache,
        IOptions<CrmOptions> options,
        TimeProvider timeProvider,
        ILogger<CrmLookupService> logger,
        CrmLookupMetrics? metrics = null)
    {
        _targets = targets;
        _cache = cache;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _breakers = new CrmBreakers(options, timeProvider, metrics);
    }

    public async Task<LookupResult> LookupAsync(Rule rule, CallerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(input);
        var result = await LookupUnmeasuredAsync(rule, input, cancellationToken);
        _metrics?.LookupFinished(CrmTargets.Label(rule.Crm), result.Outcome, result.Elapsed);
        return result;
    }

    private async Task<LookupResult> LookupUnmeasuredAsync(Rule rule, CallerInput input, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var deadline = rule.Lookup.Timeout ?? options.DefaultLookupTimeout;
        var started = _timeProvider.GetTimestamp();
        using var deadlineCts = new CancellationTokenSource(deadline, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineCts.Token);
        try
        {
            var target = await _targets.ResolveAsync(rule, linked.Token);
            var key = LookupCacheKey.For(target, rule.CrmField, input);
            var cached = await ReadCacheAsync(key, linked.Token);
            _metrics?.CacheRead(CrmTargets.Label(rule.Crm), hit: cached is not null);
            if (cached is not null)
            {
                var outcome = cached.Value is null ? LookupOutcome.NotFound : LookupOutcome.Found(cached.Value);
                return new LookupResult(outcome, CacheHit: true, _timeProvider.GetElapsedTime(started));
            }

            var remaining = deadline - _timeProvider.GetElapsedTime(started);
            var flight = _inFlight.GetOrAdd(key, k => new Lazy<Task<LookupOutcome>>(() => FlyAsync(rule, target, input, k, remaining)));
            var result = await flight.Value.WaitAsync(linked.Token);
            return new LookupResult(result, CacheHit: false, _timeProvider.GetElapsedTime(started));
        }
        catch (CrmLookupException ex)
        {
            return new LookupResult(Failed(rule, $"{ex.Kind}: {ex.Message}"), CacheHit: false, _timeProvider.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = $"no answer within the {deadline.TotalMilliseconds:0} ms deadline";
            Log.LookupFailed(_logger, rule.Name, failure);
            return new LookupResult(LookupOutcome.Failed(failure), CacheHit: false, _timeProvider.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Cancels every CRM request still in flight and makes later lookups fail at once. Called when the router
    /// shuts down, before the HTTP stack is disposed (which would otherwise wait for those requests).
    /// </summary>
    public Task StopAsync() => _stopping.IsCancellationRequested ? Task.CompletedTask : _stopping.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync();
        await _breakers.DisposeAsync();
        _stopping.Dispose();
    }

    /// <summary>
    /// One CRM request, shared by every caller that asks the same question meanwhile. Its answer goes to those
    /// callers at once; the flight itself stays open until the answer is in the cache (at most
    /// <see cref="CrmOptions.CacheWriteTimeout"/>), so a caller arriving in between joins it instead of asking
    /// the CRM again.
    /// </summary>
    private async Task<LookupOutcome> FlyAsync(Rule rule, CrmTarget target, CallerInput input, string key, TimeSpan deadline)
    {
        LookupOutcome outcome;
        try
        {
            outcome = await AskCrmAsync(rule, target, input, deadline);
        }
        catch
        {
            _inFlight.TryRemove(key, out _);
            throw;
        }

        _ = CacheThenLandAsync(rule, key, outcome);
        return outcome;
    }

    private LookupOutcome Failed(Rule rule, string reason)
    {
        Log.LookupFailed(_logger, rule.Name, reason);
        return LookupOutcome.Failed(reason);
    }
}

using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Crm.Lookup;

// The shared answer cache: best effort, a failure is a miss and never a failed call.
public sealed partial class CrmLookupService
{
    private async Task<CachedAnswer?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await _cache.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CacheUnavailable(_logger, ex.GetType().Name, ex.Message);
            return null;
        }
    }

    private async Task CacheThenLandAsync(Rule rule, string key, LookupOutcome outcome)
    {
        try
        {
            if (outcome is not LookupOutcome.LookupFailure)
            {
                await WriteCacheAsync(rule, key, outcome);
            }
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private async Task WriteCacheAsync(Rule rule, string key, LookupOutcome outcome)
    {
        var options = _options.Value;
        var (answer, ttl) = outcome is LookupOutcome.FoundValue found
            ? (new CachedAnswer(found.Value), rule.Lookup.CacheTtl ?? options.DefaultCacheTtl)
            : (new CachedAnswer(null), rule.Lookup.NegativeCacheTtl ?? options.DefaultNegativeCacheTtl);
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(options.CacheWriteTimeout, _timeProvider);
            await _cache.SetAsync(key, answer, ttl, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            Log.CacheUnavailable(_logger, ex.GetType().Name, ex.Message);
        }
    }
}

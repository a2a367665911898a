using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace AriCrmRouter.Crm.Lookup;

/// <summary>
/// One circuit breaker per CRM (<see cref="CrmTarget.BreakerKey"/>) with the lookup's deadline as a timeout
/// inside it, and the CRM's own "wait" honoured: after a rate-limited answer that said how long to wait
/// (<see cref="CrmLookupException.RetryAfter"/>), calls to that CRM fail at once until then, instead of spending
/// its quota and the caller's deadline on answers known to be refusals.
/// </summary>
internal sealed class CrmBreakers : IAsyncDisposable
{
    private static readonly ResiliencePropertyKey<TimeSpan> DeadlineKey = new("crmrouter.deadline");

    private readonly IOptions<CrmOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly CrmLookupMetrics? _metrics;
    private readonly ResiliencePipelineRegistry<string> _pipelines;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _waitUntil = new(StringComparer.Ordinal);

    public CrmBreakers(IOptions<CrmOptions> options, TimeProvider timeProvider, CrmLookupMetrics? metrics)
    {
        _options = options;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _pipelines = new ResiliencePipelineRegistry<string>(new ResiliencePipelineRegistryOptions<string>
        {
            BuilderFactory = () => new ResiliencePipelineBuilder { TimeProvider = timeProvider },
        });
    }

    /// <summary>
    /// Runs <paramref name="call"/> through the CRM's breaker within <paramref name="deadline"/>. Throws what the
    /// call throws, <see cref="TimeoutRejectedException"/>, <see cref="BrokenCircuitException"/>, or a rate-limit
    /// <see cref="CrmLookupException"/> while the CRM's requested wait lasts.
    /// </summary>
    public async Task<LookupOutcome> ExecuteAsync(CrmTarget target, string label, TimeSpan deadline, Func<CancellationToken, Task<LookupOutcome>> call, CancellationToken stopping)
    {
        if (_waitUntil.TryGetValue(target.BreakerKey, out var until) && _timeProvider.GetUtcNow() < until)
        {
            var remaining = until - _timeProvider.GetUtcNow();
            throw new CrmLookupException(CrmFailureKind.RateLimited, $"the CRM asked to wait; not asking it for {remaining.TotalSeconds:0.#} s more") { RetryAfter = remaining };
        }

        var pipeline = _pipelines.GetOrAddPipeline(target.BreakerKey, builder => Configure(builder, label));
        var context = ResilienceContextPool.Shared.Get(stopping);
        context.Properties.Set(DeadlineKey, deadline > TimeSpan.Zero ? deadline : TimeSpan.FromMilliseconds(1));
        try
        {
            return await pipeline.ExecuteAsync(static async (ctx, call) => await call(ctx.CancellationToken), context, call);
        }
        catch (CrmLookupException ex) when (ex.Kind == CrmFailureKind.RateLimited && ex.RetryAfter is { } wait && wait > TimeSpan.Zero)
        {
            _waitUntil[target.BreakerKey] = _timeProvider.GetUtcNow() + wait;
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public ValueTask DisposeAsync() => _pipelines.DisposeAsync();

    private void Configure(ResiliencePipelineBuilder builder, string crm)
    {
        var settings = _options.Value.CircuitBreaker;
        _metrics?.BreakerClosed(crm);
        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = new PredicateBuilder()
                    .Handle<TimeoutRejectedException>()
                    .Handle<HttpRequestException>(ex => Http.CrmAddressRefusedException.Find(ex) is null)
                    .Handle<CrmLookupException>(ex => ex.Kind != CrmFailureKind.Configuration),
                OnOpened = _ => Report(() => _metrics?.BreakerOpened(crm)),
                OnHalfOpened = _ => Report(() => _metrics?.BreakerHalfOpened(crm)),
                OnClosed = _ => Report(() => _metrics?.BreakerClosed(crm)),
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = static args => ValueTask.FromResult(args.Context.Properties.GetValue(DeadlineKey, TimeSpan.FromSeconds(2))),
            });
    }

    private static ValueTask Report(Action record)
    {
        record();
        return ValueTask.CompletedTask;
    }
}

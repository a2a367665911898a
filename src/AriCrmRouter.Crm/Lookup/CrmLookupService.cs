using System.Collections.Concurrent;
using System.Diagnostics;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.CustomCrm;
using AriCrmRouter.Routing.Evaluation;
using AriCrmRouter.Routing.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

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
    private static readonly ResiliencePropertyKey<TimeSpan> DeadlineKey = new("crmrouter.deadline");

    private readonly CustomCrmClient _customCrm;
    private readonly CrmConnectorRegistry _connectors;
    private readonly ICrmConnectionSource _connections;
    private readonly ICrmAnswerCache _cache;
    private readonly IOptions<CrmOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CrmLookupService> _logger;
    private readonly CrmLookupMetrics? _metrics;
    private readonly ResiliencePipelineRegistry<string> _breakers;
    private readonly ConcurrentDictionary<string, Lazy<Task<LookupOutcome>>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Cancels shared CRM requests nobody waits for any more when the service shuts down.</summary>
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public CrmLookupService(
        CustomCrmClient customCrm,
        CrmConnectorRegistry connectors,
        ICrmConnectionSource connections,
        ICrmAnswerCache cache,
        IOptions<CrmOptions> options,
        TimeProvider timeProvider,
        ILogger<CrmLookupService> logger,
        CrmLookupMetrics? metrics = null)
    {
        _customCrm = customCrm;
        _connectors = connectors;
        _connections = connections;
        _cache = cache;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _breakers = new ResiliencePipelineRegistry<string>(new ResiliencePipelineRegistryOptions<string>
        {
            BuilderFactory = () => new ResiliencePipelineBuilder { TimeProvider = timeProvider },
        });
    }

    public async Task<LookupResult> LookupAsync(Rule rule, CallerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(input);
        var result = await LookupUnmeasuredAsync(rule, input, cancellationToken);
        _metrics?.LookupFinished(CrmLookupMetrics.CrmLabel(rule.Crm), result.Outcome, result.Elapsed);
        return result;
    }

    private async Task<LookupResult> LookupUnmeasuredAsync(Rule rule, CallerInput input, CancellationToken cancellationToken)
    {
        if (rule.Crm is UnreadableCustomCrmSource unreadable)
        {
            // The CRM's credentials cannot be decrypted: asking it without them could route on a wrong answer.
            return new LookupResult(Failed(rule, $"{nameof(CrmFailureKind.Configuration)}: the custom CRM headers cannot be decrypted ({unreadable.Reason})"), CacheHit: false, TimeSpan.Zero);
        }

        var options = _options.Value;
        var deadline = rule.Lookup.Timeout ?? options.DefaultLookupTimeout;
        var started = _timeProvider.GetTimestamp();
        using var deadlineCts = new CancellationTokenSource(deadline, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineCts.Token);
        try
        {
            var connection = rule.Crm is IntegrationCrmSource integration ? await FindConnectionAsync(integration, linked.Token) : null;
            var key = LookupCacheKey.For(rule, input, connection);
            var cached = await ReadCacheAsync(key, linked.Token);
            _metrics?.CacheRead(CrmLookupMetrics.CrmLabel(rule.Crm), hit: cached is not null);
            if (cached is not null)
            {
                var outcome = cached.Value is null ? LookupOutcome.NotFound : LookupOutcome.Found(cached.Value);
                return new LookupResult(outcome, CacheHit: true, _timeProvider.GetElapsedTime(started));
            }

            var remaining = deadline - _timeProvider.GetElapsedTime(started);
            var flight = _inFlight.GetOrAdd(key, k => new Lazy<Task<LookupOutcome>>(() => FlyAsync(rule, input, connection, k, remaining)));
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

    /// <summary>The integration rule's connection (its settings are part of the cache key).</summary>
    private async Task<CrmConnection> FindConnectionAsync(IntegrationCrmSource integration, CancellationToken cancellationToken)
    {
        CrmConnection? connection;
        try
        {
            connection = await _connections.FindAsync(integration.Connection, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"CRM connection '{integration.Connection}' could not be read ({ex.GetType().Name})", ex);
        }

        return connection ?? throw new CrmLookupException(CrmFailureKind.Configuration, $"CRM connection '{integration.Connection}' does not exist");
    }

    /// <summary>
    /// One CRM request, shared by every caller that asks the same question meanwhile. Its answer goes to those
    /// callers at once; the flight itself stays open until the answer is in the cache (at most
    /// <see cref="CrmOptions.CacheWriteTimeout"/>), so a caller arriving in between joins it instead of asking
    /// the CRM again.
    /// </summary>
    private async Task<LookupOutcome> FlyAsync(Rule rule, CallerInput input, CrmConnection? connection, string key, TimeSpan deadline)
    {
        LookupOutcome outcome;
        try
        {
            outcome = await AskCrmAsync(rule, input, connection, deadline);
        }
        catch
        {
            _inFlight.TryRemove(key, out _);
            throw;
        }

        _ = CacheThenLandAsync(rule, key, outcome);
        return outcome;
    }

    private async Task<LookupOutcome> AskCrmAsync(Rule rule, CallerInput input, CrmConnection? connection, TimeSpan deadline)
    {
        var crm = CrmLookupMetrics.CrmLabel(rule.Crm);
        var pipeline = _breakers.GetOrAddPipeline(LookupCacheKey.BreakerFor(rule.Crm), builder => ConfigureBreaker(builder, crm));
        var context = ResilienceContextPool.Shared.Get(_stopping.Token);
        context.Properties.Set(DeadlineKey, deadline > TimeSpan.Zero ? deadline : TimeSpan.FromMilliseconds(1));
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Self.CallCrmAsync(state.Rule, state.Input, state.Connection, ctx.CancellationToken),
                context,
                (Self: this, Rule: rule, Input: input, Connection: connection));
        }
        catch (TimeoutRejectedException)
        {
            return Failed(rule, $"no answer within the {deadline.TotalMilliseconds:0} ms deadline");
        }
        catch (BrokenCircuitException)
        {
            return Failed(rule, "circuit open: the CRM failed repeatedly, not asking it for a while");
        }
        catch (CrmLookupException ex)
        {
            return Failed(rule, $"{ex.Kind}: {ex.Message}");
        }
        catch (HttpRequestException ex) when (Http.CrmAddressRefusedException.Find(ex) is { } refused)
        {
            return Failed(rule, $"{nameof(CrmFailureKind.Configuration)}: {refused.Message}");
        }
        catch (HttpRequestException ex)
        {
            return Failed(rule, $"{nameof(CrmFailureKind.Unavailable)}: {ex.HttpRequestError}");
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return Failed(rule, "the router is shutting down");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LookupCrashed(_logger, ex, rule.Name);
            return Failed(rule, $"unexpected {ex.GetType().Name}");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<LookupOutcome> CallCrmAsync(Rule rule, CallerInput input, CrmConnection? connection, CancellationToken cancellationToken)
    {
        switch (rule.Crm)
        {
            case CustomCrmSource custom:
                return await _customCrm.LookupAsync(custom, rule.CrmField, input, cancellationToken);

            case IntegrationCrmSource integration when connection is not null:
                var request = new CrmLookupRequest
                {
                    Module = integration.Module,
                    Field = rule.CrmField,
                    KeyField = integration.KeyField,
                    CallerNumber = input.CallerNumber,
                    Dtmf = input.Dtmf,
                    Did = input.Did,
                };
                return await _connectors.Get(connection.Kind).LookupAsync(connection, request, cancellationToken);

            default:
                throw new CrmLookupException(CrmFailureKind.Configuration, $"rule '{rule.Name}' has no CRM");
        }
    }

    private void ConfigureBreaker(ResiliencePipelineBuilder builder, string crm)
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

    private LookupOutcome Failed(Rule rule, string reason)
    {
        Log.LookupFailed(_logger, rule.Name, reason);
        return LookupOutcome.Failed(reason);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "CRM lookup for rule {Rule} failed: {Reason}")]
        public static partial void LookupFailed(ILogger logger, string rule, string reason);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "CRM answer cache unavailable ({ErrorType}: {Error}); asking the CRM directly")]
        public static partial void CacheUnavailable(ILogger logger, string errorType, string error);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "CRM lookup for rule {Rule} failed unexpectedly")]
        public static partial void LookupCrashed(ILogger logger, Exception exception, string rule);
    }
}

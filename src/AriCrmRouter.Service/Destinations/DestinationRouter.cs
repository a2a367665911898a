using Polly;
using Polly.Retry;

namespace AriCrmRouter.Service.Destinations;

/// <summary>How routing a call ended.</summary>
public enum RoutingResult
{
    /// <summary>The channel went back to the dialplan at the destination.</summary>
    Continued,

    /// <summary>The channel was gone (hung up) or had already left the application.</summary>
    ChannelGone,

    /// <summary>Neither the destination nor the global fallback could be reached; the channel is still in Stasis.</summary>
    Failed,
}

/// <summary>
/// Sends a channel to a decision's destination: labels it (one variable, <see cref="DecisionLabel"/>, best effort: a
/// label that cannot be set never keeps a call from being routed) and continues it into the dialplan
/// context of the destination type. A failed <c>continue</c> is tried again (Polly, <c>Routing:ContinueRetries</c>)
/// only while the channel is still in Stasis; then the same for the global fallback. A channel that is still in
/// Stasis after all that is left to the dispatcher's sweep (and, last, the dialplan's guard).
/// </summary>
public sealed class DestinationRouter
{
    private readonly IAriClient _ari;
    private readonly IOptions<RouterOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DestinationRouter> _logger;
    private readonly ResiliencePipeline<ContinueOutcome> _retry;

    public DestinationRouter(IAriClient ari, IOptions<RouterOptions> options, TimeProvider timeProvider, ILogger<DestinationRouter> logger)
    {
        _ari = ari;
        _options = options;
        _time = timeProvider;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder<ContinueOutcome> { TimeProvider = timeProvider };
        if (options.Value.ContinueRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ContinueOutcome>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result == ContinueOutcome.StillInStasis),
                MaxRetryAttempts = options.Value.ContinueRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.Value.ContinueRetryDelay,
                UseJitter = false,
            });
        }

        _retry = builder.Build();
    }

    private enum ContinueOutcome
    {
        Continued,
        Gone,
        StillInStasis,
    }

    public async Task<RoutingResult> RouteAsync(string channelId, RoutingChoice decision, string? ruleName)
    {
        var reason = ReasonName(decision.Reason);
        var outcome = await SendAsync(channelId, decision.Destination, reason, ruleName);
        if (outcome != ContinueOutcome.StillInStasis)
        {
            return outcome == ContinueOutcome.Continued ? RoutingResult.Continued : RoutingResult.ChannelGone;
        }

        var fallback = _options.Value.FallbackDestination;
        Log.RoutingFailed(_logger, channelId, decision.Destination.ToString(), fallback.ToString());
        outcome = await SendAsync(channelId, fallback, reason, ruleName);
        switch (outcome)
        {
            case ContinueOutcome.Continued:
                Log.SentToFallback(_logger, channelId, fallback.ToString());
                return RoutingResult.Continued;
            case ContinueOutcome.Gone:
                return RoutingResult.ChannelGone;
            default:
                Log.FallbackFailed(_logger, channelId);
                return RoutingResult.Failed;
        }
    }

    private async Task<ContinueOutcome> SendAsync(string channelId, Destination destination, string reason, string? ruleName)
    {
        await LabelAsync(channelId, destination, reason, ruleName);
        var context = _options.Value.Contexts[destination.Type];
        var extension = destination.Type == DestinationType.Recording ? "s" : destination.Target;
        return await _retry.ExecuteAsync(
            static (state, _) => state.Router.ContinueOnceAsync(state.ChannelId, state.Context, state.Extension),
            (Router: this, ChannelId: channelId, Context: context, Extension: extension));
    }

    /// <summary>Sets the decision label; when that fails it is logged and skipped, never blocks the continue.</summary>
    private async Task LabelAsync(string channelId, Destination destination, string reason, string? ruleName)
    {
        using var timeout = new CancellationTokenSource(_options.Value.RoutingTimeout, _time);
        try
        {
            await _ari.SetVariableAsync(channelId, DecisionLabel.VariableName, DecisionLabel.Value(reason, ruleName, destination.Target), timeout.Token);
        }
        catch (Exception ex) when (ex is AriException or HttpRequestException or OperationCanceledException)
        {
            Log.LabelFailed(_logger, ex, channelId, DecisionLabel.VariableName);
        }
    }

    private async ValueTask<ContinueOutcome> ContinueOnceAsync(string channelId, string context, string extension)
    {
        using var timeout = new CancellationTokenSource(_options.Value.RoutingTimeout, _time);
        try
        {
            await _ari.ContinueAsync(channelId, context, extension, 1, timeout.Token);
            return ContinueOutcome.Continued;
        }
        catch (AriException ex) when (ex.IsNotFound || ex.IsConflict)
        {
            Log.ChannelGone(_logger, channelId, (int)ex.StatusCode);
            return ContinueOutcome.Gone;
        }
        catch (Exception ex) when (ex is AriException or HttpRequestException or OperationCanceledException)
        {
            Log.ContinueFailed(_logger, ex, channelId, context, extension);
        }

        return await IsStillInStasisAsync(channelId) ? ContinueOutcome.StillInStasis : ContinueOutcome.Gone;
    }

    /// <summary>Reads the channel back: only a channel still in Stasis may be continued again.</summary>
    private async Task<bool> IsStillInStasisAsync(string channelId)
    {
        using var timeout = new CancellationTokenSource(_options.Value.RoutingTimeout, _time);
        try
        {
            var channel = await _ari.GetChannelAsync(channelId, timeout.Token);
            return channel is not null && channel.Dialplan.IsInStasis;
        }
        catch (AriException ex) when (ex.IsNotFound)
        {
            return false;
        }
        catch (Exception ex) when (ex is AriException or HttpRequestException or OperationCanceledException)
        {
            // Asterisk could not say; the retries stay bounded, and a continue on a channel that left answers 409.
            return true;
        }
    }

    /// <summary>The CRMROUTER_REASON value: the reason in kebab case, e.g. <c>row-matched</c>, <c>lookup-failed</c>.</summary>
    public static string ReasonName(DecisionReason reason) => reason switch
    {
        DecisionReason.RowMatched => "row-matched",
        DecisionReason.NoRowMatched => "no-row-matched",
        DecisionReason.ValueNotFound => "value-not-found",
        DecisionReason.LookupFailed => "lookup-failed",
        DecisionReason.RuleNotFound => "rule-not-found",
        DecisionReason.Recovered => "recovered",
        DecisionReason.ShuttingDown => "shutting-down",
        DecisionReason.InternalError => "internal-error",
        _ => reason.ToString(),
    };
}

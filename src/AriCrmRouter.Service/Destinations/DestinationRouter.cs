using AriCrmRouter.Ari.Rest;
using AriCrmRouter.Routing.Evaluation;
using AriCrmRouter.Routing.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Service.Destinations;

/// <summary>How routing a call ended.</summary>
public enum RoutingResult
{
    /// <summary>The channel went back to the dialplan at the destination.</summary>
    Continued,

    /// <summary>The channel was gone (hung up) or had already left the application.</summary>
    ChannelGone,

    /// <summary>Neither the destination nor the global fallback could be reached.</summary>
    Failed,
}

/// <summary>
/// Sends a channel to a decision's destination: labels it (CRMROUTER_RULE, CRMROUTER_TARGET, CRMROUTER_REASON)
/// and continues it into the dialplan context of the destination type. <c>continue</c> is not retried blindly:
/// after a failure the channel is read back, and only a channel still in Stasis is sent to the global fallback.
/// </summary>
public sealed partial class DestinationRouter(IAriClient ari, IOptions<RouterOptions> options, TimeProvider timeProvider, ILogger<DestinationRouter> logger)
{
    public async Task<RoutingResult> RouteAsync(string channelId, Decision decision, string? ruleName)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var settings = options.Value;
        using var timeout = new CancellationTokenSource(settings.RoutingTimeout, timeProvider);
        try
        {
            await SendAsync(channelId, decision.Destination, decision.Reason, ruleName, timeout.Token);
            return RoutingResult.Continued;
        }
        catch (AriException ex) when (ex.IsNotFound || ex.IsConflict)
        {
            Log.ChannelGone(logger, channelId, (int)ex.StatusCode);
            return RoutingResult.ChannelGone;
        }
        catch (Exception ex) when (ex is AriException or HttpRequestException or OperationCanceledException)
        {
            Log.RoutingFailed(logger, ex, channelId, decision.Destination.ToString());
        }

        return await FallBackAsync(channelId, decision, ruleName, settings);
    }

    private async Task<RoutingResult> FallBackAsync(string channelId, Decision decision, string? ruleName, RouterOptions settings)
    {
        using var timeout = new CancellationTokenSource(settings.RoutingTimeout, timeProvider);
        try
        {
            var channel = await ari.GetChannelAsync(channelId, timeout.Token);
            if (channel is null || !string.Equals(channel.Dialplan.AppName, "Stasis", StringComparison.OrdinalIgnoreCase))
            {
                return RoutingResult.ChannelGone;
            }

            var fallback = settings.FallbackDestination;
            await SendAsync(channelId, fallback, decision.Reason, ruleName, timeout.Token);
            Log.SentToFallback(logger, channelId, fallback.ToString());
            return RoutingResult.Continued;
        }
        catch (AriException ex) when (ex.IsNotFound || ex.IsConflict)
        {
            return RoutingResult.ChannelGone;
        }
        catch (Exception ex) when (ex is AriException or HttpRequestException or OperationCanceledException)
        {
            Log.FallbackFailed(logger, ex, channelId);
            return RoutingResult.Failed;
        }
    }

    private async Task SendAsync(string channelId, Destination destination, DecisionReason reason, string? ruleName, CancellationToken cancellationToken)
    {
        await ari.SetVariableAsync(channelId, "CRMROUTER_RULE", ruleName ?? "", cancellationToken);
        await ari.SetVariableAsync(channelId, "CRMROUTER_TARGET", destination.Target, cancellationToken);
        await ari.SetVariableAsync(channelId, "CRMROUTER_REASON", ReasonName(reason), cancellationToken);
        var context = options.Value.Contexts.For(destination.Type);
        var extension = destination.Type == DestinationType.Recording ? "s" : destination.Target;
        await ari.ContinueAsync(channelId, context, extension, 1, cancellationToken);
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Channel {ChannelId} was gone while routing it (ARI {Status})")]
        public static partial void ChannelGone(ILogger logger, string channelId, int status);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Routing channel {ChannelId} to {Destination} failed; trying the global fallback")]
        public static partial void RoutingFailed(ILogger logger, Exception exception, string channelId, string destination);

        [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Channel {ChannelId} sent to the global fallback {Destination}")]
        public static partial void SentToFallback(ILogger logger, string channelId, string destination);

        [LoggerMessage(EventId = 2104, Level = LogLevel.Critical, Message = "Channel {ChannelId} could not be routed at all; the dialplan's TIMEOUT(absolute) guard will end it")]
        public static partial void FallbackFailed(ILogger logger, Exception exception, string channelId);
    }
}

using System.Globalization;
using AriCrmRouter.Storage.Decisions;

namespace AriCrmRouter.Service.Stasis.Routing;

/// <summary>
/// The one account of how each call ended: one decision line (event 2001) for a routed call, or one
/// caller-hung-up line (event 2002); the call metrics; and the web admin's Recent calls stream. One per Asterisk
/// server: the metrics and the stream name the server (the log lines carry it in their scope).
/// </summary>
internal sealed class DecisionLog(
    AriServerContext server,
    ILogger<CallSession> logger,
    TimeProvider time,
    IOptions<RouterOptions> options,
    CallMetrics? metrics = null,
    RedisDecisionLog? stream = null)
{
    private readonly RecentDecisions _recent = new(stream, time, options.Value.RecentDecisionTimeout);

    public async Task RoutedAsync(string channelId, RoutingChoice decision, RoutingResult result, Rule? rule, LookupResult? lookup, string? maskedKey)
    {
        var value = lookup?.Outcome switch
        {
            LookupOutcome.FoundValue found => found.Value,
            LookupOutcome.NoValue => "(not found)",
            LookupOutcome.LookupFailure => "(failed)",
            _ => "-",
        };
        var row = decision.MatchedRow?.ToString(CultureInfo.InvariantCulture) ?? "-";
        var destination = decision.Destination.ToString();
        var lookupMs = lookup is null ? -1 : (long)lookup.Elapsed.TotalMilliseconds;
        var cache = lookup is null ? "-" : lookup.CacheHit ? "hit" : "miss";
        var reason = DestinationRouter.ReasonName(decision.Reason);
        Log.Decision(logger, channelId, rule?.Name ?? "-", maskedKey ?? "-", value, reason, row, destination, lookupMs, cache, decision.Detail ?? "", result);
        metrics?.Routed(server.Name, result, decision.Reason, rule?.Name);
        await _recent.AppendAsync(new(time.GetUtcNow(), channelId, rule?.Name ?? "-", maskedKey ?? "-", value, reason, row, destination, lookupMs, result.ToString()) { Server = server.Name });
    }

    public void CallerLeft(string channelId, Rule? rule, CallState state)
    {
        Log.CallerHungUp(logger, channelId, rule?.Name ?? "-", state);
        metrics?.CallerHungUp(server.Name, rule?.Name);
    }
}

using System.Diagnostics.Metrics;

namespace AriCrmRouter.Service.Stasis.Routing;

/// <summary>
/// Metrics of the calls the router handled (meter <c>AriCrmRouter.Calls</c>): one count per call when it ends,
/// by Asterisk server, outcome, reason and rule. Calls in hand are observed on the same meter by the router's composition.
/// </summary>
public sealed class CallMetrics
{
    public const string MeterName = "AriCrmRouter.Calls";

    /// <summary>The rule label of calls that had no rule.</summary>
    public const string NoRule = "(none)";

    private readonly Counter<long> _calls;

    public CallMetrics(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _calls = Meter.CreateCounter<long>("crmrouter.calls", "{call}",
            "Calls that left the router, by Asterisk server, outcome (continued, channel-gone, failed, caller-hung-up), decision reason and rule");
    }

    /// <summary>The component's one meter, for instruments observed elsewhere (calls in hand).</summary>
    public Meter Meter { get; }

    /// <summary>The tag naming the Asterisk server (<c>Ari:Servers:N:Name</c>, or <c>default</c>) on the router's metrics.</summary>
    public const string ServerTag = "crmrouter.server";

    internal void Routed(string server, RoutingResult result, DecisionReason reason, string? rule) =>
        Count(server, OutcomeName(result), DestinationRouter.ReasonName(reason), rule);

    internal void CallerHungUp(string server, string? rule) => Count(server, "caller-hung-up", "caller-hung-up", rule);

    internal static string OutcomeName(RoutingResult result) => result switch
    {
        RoutingResult.Continued => "continued",
        RoutingResult.ChannelGone => "channel-gone",
        _ => "failed",
    };

    private void Count(string server, string outcome, string reason, string? rule) => _calls.Add(
        1,
        new KeyValuePair<string, object?>(ServerTag, server),
        new KeyValuePair<string, object?>("crmrouter.call.outcome", outcome),
        new KeyValuePair<string, object?>("crmrouter.call.reason", reason),
        new KeyValuePair<string, object?>("crmrouter.rule", rule ?? NoRule));
}

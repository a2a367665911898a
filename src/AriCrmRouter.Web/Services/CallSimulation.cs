using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Admin.Simulation;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Web.Services;

/// <summary>A made-up call to simulate, as the Simulate page posts it and the REST API takes it.</summary>
public sealed record SimulatedCall(string Rule, string Caller, string? Dtmf, string? Did, string? Value);

/// <summary>The decision trail of a made-up call, as <c>crmrouter-admin simulate</c> prints it.</summary>
public sealed record SimulationResult(IReadOnlyList<string> Lines, string Destination, string Reason, int? MatchedRow);

/// <summary>Runs <see cref="RuleSimulator"/> (the router's lookup and evaluator, no cache) for the pages and the API.</summary>
internal static class CallSimulation
{
    public static async Task<SimulationResult> RunAsync(
        RuleSet set, Rule rule, AdminCrmServices crm, SimulatedCall call, bool voicemailWhenNotSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var input = RuleSimulator.Call(set, rule, call.Caller, call.Dtmf, call.Did);
        var report = await new RuleSimulator(crm.Lookup).RunAsync(rule, input, string.IsNullOrEmpty(call.Value) ? null : call.Value, voicemailWhenNotSet, cancellationToken);
        return new SimulationResult(report.Lines, report.Decision.Destination.ToString(), report.Decision.Reason.ToString(), report.Decision.MatchedRow);
    }
}

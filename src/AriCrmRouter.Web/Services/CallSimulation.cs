using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Admin.Simulation;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Web.Services;

/// <summary>The decision trail of a made-up call, as <c>crmrouter-admin simulate</c> prints it.</summary>
public sealed record SimulationResult(IReadOnlyList<string> Lines, string Destination, string Reason, int? MatchedRow);

/// <summary>Runs <see cref="RuleSimulator"/> (the router's lookup and evaluator, no cache) for the pages and the API.</summary>
internal static class CallSimulation
{
    public static async Task<SimulationResult> RunAsync(
        RuleSet set, Rule rule, AdminCrmServices crm, string caller, string? dtmf, string? did, string? value, bool voicemailWhenNotSet, CancellationToken cancellationToken)
    {
        var input = RuleSimulator.Call(set, rule, caller, dtmf, did);
        var report = await new RuleSimulator(crm.Lookup).RunAsync(rule, input, string.IsNullOrEmpty(value) ? null : value, voicemailWhenNotSet, cancellationToken);
        return new SimulationResult(report.Lines, report.Decision.Destination.ToString(), report.Decision.Reason.ToString(), report.Decision.MatchedRow);
    }
}

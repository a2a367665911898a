using AriCrmRouter.Cli;
using AriCrmRouter.Cli.Simulation;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Web.Services;

/// <summary>The decision trail of a made-up call, as <c>crmrouter-admin simulate</c> prints it.</summary>
public sealed record SimulationResult(IReadOnlyList<string> Lines, string Destination, string Reason, int? MatchedRow);

/// <summary>Runs <see cref="RuleSimulator"/> (the router's lookup and evaluator, no cache) for the pages and the API.</summary>
internal static class CallSimulation
{
    public static async Task<SimulationResult> RunAsync(
        RuleSet set, Rule rule, CliCrmServices crm, string caller, string? dtmf, string? did, string? value, bool voicemailWhenNotSet, CancellationToken cancellationToken)
    {
        var dialed = string.IsNullOrWhiteSpace(did)
            ? set.DidAssignments.Where(d => string.Equals(d.Value, rule.Name, StringComparison.OrdinalIgnoreCase)).Select(d => d.Key).Order(StringComparer.Ordinal).FirstOrDefault() ?? ""
            : did.Trim();
        var input = new CallerInput(caller.Trim(), string.IsNullOrWhiteSpace(dtmf) ? null : dtmf.Trim(), dialed);
        var report = await new RuleSimulator(crm.Lookup).RunAsync(rule, input, string.IsNullOrEmpty(value) ? null : value, voicemailWhenNotSet, cancellationToken);
        return new SimulationResult(report.Lines, report.Decision.Destination.ToString(), report.Decision.Reason.ToString(), report.Decision.MatchedRow);
    }
}

using System.Globalization;
using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Crm.Http;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Routing.Evaluation;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Admin.Simulation;

/// <summary>What a simulated call would do, step by step.</summary>
public sealed record SimulationReport(IReadOnlyList<string> Lines, Decision Decision);

/// <summary>
/// Runs one rule for a made-up call exactly as the router would (same lookup service, same evaluator), without
/// the cache, and writes down every step: the CRM requests (secrets masked), the value, each row, the destination.
/// </summary>
public sealed class RuleSimulator(CrmLookupService lookup)
{
    /// <summary>The made-up call: blank DTMF is none; without a dialed number, the first DID assigned to the rule (or none).</summary>
    public static CallerInput Call(RuleSet set, Rule rule, string caller, string? dtmf, string? did)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(caller);
        var dialed = !string.IsNullOrWhiteSpace(did) ? did.Trim()
            : RuleAdministration.DidsOf(set, rule.Name) is [var first, ..] ? first : "";
        return new CallerInput(caller.Trim(), string.IsNullOrWhiteSpace(dtmf) ? null : dtmf.Trim(), dialed);
    }

    public async Task<SimulationReport> RunAsync(Rule rule, CallerInput input, string? givenValue, bool voicemailWhenNotSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(input);
        var lines = new List<string>
        {
            $"Rule {rule.Name} ({(rule.Location == RuleLocation.Did ? "DID" : "IVR")} rule): field '{rule.CrmField}' from {Describe(rule.Crm)}",
            $"Call: caller {input.CallerNumber}, DTMF {(string.IsNullOrEmpty(input.Dtmf) ? "none" : input.Dtmf)}, DID {(input.Did.Length == 0 ? "none" : input.Did)}",
        };

        LookupOutcome outcome;
        if (givenValue is not null)
        {
            lines.Add("CRM: not asked (--value given)");
            outcome = LookupOutcome.Found(givenValue);
        }
        else
        {
            using var trace = CrmTrace.Begin();
            var result = await lookup.LookupAsync(rule, input, cancellationToken);
            lines.AddRange(trace.Steps.Count == 0 ? ["CRM request: none sent"] : trace.Steps.Select(step => $"CRM request: {step}"));
            lines.Add($"Lookup took {result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms");
            outcome = result.Outcome;
        }

        lines.Add(outcome switch
        {
            LookupOutcome.FoundValue found => $"Value: '{found.Value}'",
            LookupOutcome.LookupFailure failure => $"Value: none, the lookup failed ({failure.Reason})",
            _ => "Value: none, the CRM has no value for this caller",
        });

        var decision = RuleEvaluator.Evaluate(rule, outcome, voicemailWhenNotSet);
        for (var i = 0; i < rule.Rows.Count; i++)
        {
            var row = rule.Rows[i];
            var check = decision.Trail.FirstOrDefault(c => c.Index == i + 1);
            var verdict = check is null
                ? outcome is LookupOutcome.FoundValue ? "not evaluated (an earlier row matched)" : "not evaluated (no value)"
                : $"{(check.Matched ? "MATCH" : "no match")}: {check.Explanation}";
            lines.Add($"Row {i + 1}: {row.Operator.ToSymbol()} {row.Value} -> {row.Destination}  {verdict}");
        }

        var why = decision.Reason switch
        {
            DecisionReason.RowMatched => $"row {decision.MatchedRow} matched",
            DecisionReason.NoRowMatched => "no row matched: default destination",
            DecisionReason.ValueNotFound => "no value: default destination",
            DecisionReason.LookupFailed => "lookup failed: default destination",
            _ => decision.Reason.ToString(),
        };
        lines.Add($"Destination: {decision.Destination} ({why})");
        return new SimulationReport(lines, decision);
    }

    private static string Describe(CrmSource source) => source switch
    {
        CustomCrmSource custom => $"custom CRM {CrmTrace.Mask(custom.Url)} ({(custom.UsePost ? "POST" : "GET")})",
        IntegrationCrmSource integration => $"connection '{integration.Connection}', module {integration.Module}{(integration.KeyField is null ? "" : $", DTMF key field {integration.KeyField}")}",
        UnreadableCustomCrmSource unreadable => $"custom CRM {CrmTrace.Mask(unreadable.Url)} whose header values cannot be decrypted ({unreadable.Reason})",
        _ => "an unknown CRM",
    };
}

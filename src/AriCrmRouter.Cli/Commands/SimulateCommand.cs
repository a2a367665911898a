using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Admin.Simulation;

namespace AriCrmRouter.Cli.Commands;

/// <summary><c>simulate &lt;rule&gt; --caller &lt;n&gt; [--dtmf &lt;d&gt;] [--did &lt;did&gt;] [--value &lt;v&gt;]</c>: the decision trail of one made-up call.</summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var ruleName = new Argument<string>("rule") { Description = "Name of a stored rule" };
        var caller = new Option<string>("--caller") { Description = "The caller's number (caller ID)", Required = true };
        var dtmf = new Option<string?>("--dtmf") { Description = "Digits the caller typed (IVR rules)" };
        var did = new Option<string?>("--did") { Description = "The dialed number (sent to custom CRMs); default: the first DID assigned to the rule" };
        var value = new Option<string?>("--value") { Description = "Use this CRM value instead of asking the CRM" };
        var voicemail = new Option<bool>("--voicemail-when-not-set") { Description = "Behave as a router with Routing:VoicemailWhenNotSet=true" };
        var command = new Command("simulate", "Show where a call would go and why: CRM request (secrets masked), value, each row, destination")
        {
            ruleName, caller, dtmf, did, value, voicemail,
        };
        return context.RunsOnRule(command, ruleName, name => $"error: no rule named '{name}'", async (parse, storage, stored, rule, ct) =>
        {
            var input = RuleSimulator.Call(stored.RuleSet, rule, parse.GetRequiredValue(caller), parse.GetValue(dtmf), parse.GetValue(did));
            await using var crm = new AdminCrmServices(storage.Connections, context.Environment);
            var simulator = new RuleSimulator(crm.Lookup);
            var report = await simulator.RunAsync(rule, input, parse.GetValue(value), parse.GetValue(voicemail), ct);
            foreach (var line in report.Lines)
            {
                await context.Out.WriteLineAsync(line);
            }

            return ExitCodes.Success;
        });
    }
}

using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Cli.Output;

namespace AriCrmRouter.Cli.Commands;

/// <summary><c>dids list|assign|unassign</c>: which rule handles calls to which dialed number.</summary>
internal static class DidsCommands
{
    public static Command Create(CliContext context) => new("dids", "List, assign and unassign DIDs (dialed numbers) to rules")
    {
        List(context),
        Assign(context),
        Unassign(context),
    };

    private static Command List(CliContext context) =>
        context.RunsOnStorage(new Command("list", "List DID assignments"), async (parse, storage, ct) =>
        {
            var stored = await storage.Rules.LoadAsync(ct);
            TableWriter.Write(
                context.Out,
                stored.RuleSet.DidAssignments.OrderBy(d => d.Key, StringComparer.Ordinal).ToList(),
                "No DIDs assigned.",
                ["DID", "RULE"],
                d => [d.Key, d.Value]);
            return ExitCodes.Success;
        });

    private static Command Assign(CliContext context)
    {
        var did = new Argument<string>("did") { Description = "The dialed number, as the dialplan passes it" };
        var rule = new Argument<string>("rule") { Description = "Name of an existing rule" };
        return context.RunsOnStorage(new Command("assign", "Route calls to a DID with a rule (re-points an assigned DID)") { did, rule }, async (parse, storage, ct) =>
        {
            var change = await new RuleAdministration(storage.Rules)
                .AssignDidAsync(parse.GetRequiredValue(did), parse.GetRequiredValue(rule), ct);
            if (!ProblemWriter.Succeeded(context.Error, change, "The assignment would leave an invalid rule set; nothing was changed"))
            {
                return ExitCodes.Problem;
            }

            var assigned = parse.GetRequiredValue(did).Trim();
            await context.Out.WriteLineAsync($"DID {assigned} now uses rule '{change.Written!.DidAssignments[assigned]}' (version {change.Version}).");
            return ExitCodes.Success;
        });
    }

    private static Command Unassign(CliContext context)
    {
        var did = new Argument<string>("did") { Description = "The dialed number to unassign" };
        return context.RunsOnStorage(new Command("unassign", "Stop routing a DID by CRM rules") { did }, async (parse, storage, ct) =>
        {
            var change = await new RuleAdministration(storage.Rules).UnassignDidAsync(parse.GetRequiredValue(did), ct);
            if (!ProblemWriter.Succeeded(context.Error, change, "Unassigning would leave an invalid rule set; nothing was changed"))
            {
                return ExitCodes.Problem;
            }

            await context.Out.WriteLineAsync($"DID {parse.GetRequiredValue(did).Trim()} is no longer assigned (version {change.Version}).");
            return ExitCodes.Success;
        });
    }
}

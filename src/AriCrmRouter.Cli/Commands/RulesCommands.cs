using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Cli.Output;
using AriCrmRouter.Routing.Files;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Cli.Commands;

/// <summary><c>rules validate|import|export|list|show|delete</c>.</summary>
internal static class RulesCommands
{
    public static Command Create(CliContext context) => new("rules", "Validate, import, export, list, show and delete routing rules")
    {
        Validate(context),
        Import(context),
        Export(context),
        List(context),
        RuleShowCommand.Create(context),
        Delete(context),
        RuleHistoryCommands.History(context),
        RuleHistoryCommands.Rollback(context),
    };

    private static Command Validate(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Rule file (JSON) to check" };
        return context.Runs(new Command("validate", "Check a rule file without touching Redis") { file }, async (parse, ct) =>
        {
            var check = await RuleFileCheck.ReadAsync(parse.GetRequiredValue(file), ct);
            if (!check.IsValid)
            {
                ProblemWriter.Write(context.Out, $"{check.Path} is invalid", check.Problems, check.Warnings);
                return ExitCodes.Problem;
            }

            await context.Out.WriteLineAsync($"{check.Path} is valid: {Count(check.RuleSet!)}.");
            ProblemWriter.WriteWarnings(context.Out, check.Warnings);
            return ExitCodes.Success;
        });
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Rule file (JSON) to import" };
        var replace = new Option<bool>("--replace")
        {
            Description = "Make the file the whole rule set (default: merge by rule name and DID into the stored set)",
        };
        var command = new Command("import", "Validate a rule file and write it into Redis, all or nothing") { file, replace };
        return context.Runs(command, async (parse, ct) =>
        {
            var check = await RuleFileCheck.ReadAsync(parse.GetRequiredValue(file), ct);
            if (!check.IsValid)
            {
                ProblemWriter.Write(context.Error, $"{check.Path} is invalid; nothing was imported", check.Problems, check.Warnings);
                return ExitCodes.Problem;
            }

            ProblemWriter.WriteWarnings(context.Error, check.Warnings);

            await using var storage = context.OpenStorage(parse);
            var change = await new RuleAdministration(storage.Rules).ImportAsync(check.RuleSet!, parse.GetValue(replace), ct);
            if (!ProblemWriter.Succeeded(context.Error, change, "The resulting rule set would be invalid; nothing was imported"))
            {
                return ExitCodes.Problem;
            }

            var how = parse.GetValue(replace) ? "Replaced the rule set with" : "Merged";
            await context.Out.WriteLineAsync($"{how} {check.Path} ({Count(check.RuleSet!)}).");
            await context.Out.WriteLineAsync($"The stored rule set now has {Count(change.Written!)} (version {change.Version}).");
            return ExitCodes.Success;
        });
    }

    private static Command Export(CliContext context)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (readable by its owner only: it holds the header values) instead of standard output" };
        var command = new Command("export", "Print the stored rule set in rule-file format, custom CRM header values decrypted") { output };
        return context.RunsOnStorage(command, async (parse, storage, ct) =>
        {
            var stored = await storage.Rules.LoadAsync(ct);
            if (stored.RuleSet.Rules.FirstOrDefault(rule => rule.Crm is UnreadableCustomCrmSource) is { Crm: UnreadableCustomCrmSource unreadable } rule)
            {
                // An export without the header values would not restore them: a backup must be whole or not made.
                return await context.ProblemAsync($"error: rule '{rule.Name}': its custom CRM header values cannot be decrypted ({unreadable.Reason}); nothing was exported.");
            }

            var json = RuleFileCodec.Serialize(stored.RuleSet);
            if (parse.GetValue(output) is { Length: > 0 } path)
            {
                try
                {
                    await OwnerOnlyFile.WriteAllTextAsync(path, json, ct);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    throw new UsageException($"cannot write '{path}': {ex.Message}");
                }

                await context.Out.WriteLineAsync($"Wrote {Count(stored.RuleSet)} (version {stored.Version}) to {path} (mode 0600).");
            }
            else
            {
                await context.Out.WriteAsync(json);
            }

            return ExitCodes.Success;
        });
    }

    private static Command List(CliContext context)
    {
        var search = new Option<string?>("--search", "-s") { Description = "Only rules whose name, CRM field or destinations contain this text (any case)" };
        return context.RunsOnStorage(new Command("list", "List the stored rules") { search }, async (parse, storage, ct) =>
        {
            var stored = await storage.Rules.LoadAsync(ct);
            var text = parse.GetValue(search);
            TableWriter.Write(
                context.Out,
                stored.RuleSet.Rules.Where(rule => string.IsNullOrWhiteSpace(text) || RuleDescriptions.Matches(rule, text)).ToList(),
                string.IsNullOrWhiteSpace(text) ? "No rules." : $"No rules match '{text}'.",
                ["NAME", "CRM FIELD", "LOCATION", "CRM", "DEFAULT", "ROWS"],
                rule =>
                [
                    rule.Name,
                    rule.CrmField,
                    RuleDescriptions.Location(rule.Location),
                    RuleDescriptions.Crm(rule.Crm),
                    rule.DefaultDestination.ToString(),
                    rule.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ]);
            return ExitCodes.Success;
        });
    }

    private static Command Delete(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Rule name (any case)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation" };
        return context.RunsOnRule(new Command("delete", "Remove a rule and the DIDs pointing at it") { name, yes }, name, NoRule, async (parse, storage, stored, rule, ct) =>
        {
            if (!parse.GetValue(yes) && !await context.ConfirmAsync($"Are you sure you want to remove '{rule.Name}'?", ct))
            {
                await context.Out.WriteLineAsync("Cancelled; nothing was removed.");
                return ExitCodes.Problem;
            }

            var dids = RuleAdministration.DidsOf(stored.RuleSet, rule.Name);
            var change = await new RuleAdministration(storage.Rules).DeleteRuleAsync(rule.Name, ct);
            if (!ProblemWriter.Succeeded(context.Error, change, "Removing it would leave an invalid rule set; nothing was removed"))
            {
                return ExitCodes.Problem;
            }

            await context.Out.WriteLineAsync($"Removed rule '{rule.Name}' (version {change.Version}).");
            if (dids.Count > 0)
            {
                await context.Out.WriteLineAsync($"Also unassigned the DIDs that pointed at it: {string.Join(", ", dids)}.");
            }

            return ExitCodes.Success;
        });
    }

    /// <summary>What <c>rules show</c> and <c>rules delete</c> say about a name no stored rule has.</summary>
    internal static string NoRule(string name) => $"No rule named '{name}'.";

    private static string Count(RuleSet set) =>
        $"{set.Rules.Count} rule{(set.Rules.Count == 1 ? "" : "s")}, {set.DidAssignments.Count} DID{(set.DidAssignments.Count == 1 ? "" : "s")}";
}

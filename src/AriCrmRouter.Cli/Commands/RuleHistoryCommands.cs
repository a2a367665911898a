using System.Globalization;
using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Cli.Output;

namespace AriCrmRouter.Cli.Commands;

/// <summary><c>rules history</c> and <c>rules rollback &lt;version&gt;</c>: the recorded changes, and restoring one.</summary>
internal static class RuleHistoryCommands
{
    public static Command History(CliContext context)
    {
        var count = new Option<int>("--count", "-n") { Description = "How many changes to show, newest first", DefaultValueFactory = _ => 20 };
        return context.RunsOnStorage(new Command("history", "List recorded changes to rules, DIDs and connections (who, when, what)") { count }, async (parse, storage, ct) =>
        {
            TableWriter.Write(
                context.Out,
                await storage.History.ListAsync(parse.GetValue(count), ct),
                "No changes recorded.",
                ["VERSION", "WHEN (UTC)", "WHO", "WHAT"],
                r => [
                    r.RuleVersion?.ToString(CultureInfo.InvariantCulture) ?? "-",
                    r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    r.Actor,
                    r.Summary]);
            return ExitCodes.Success;
        });
    }

    public static Command Rollback(CliContext context)
    {
        var version = new Argument<long>("version") { Description = "A rule-set version from 'rules history'" };
        return context.RunsOnStorage(new Command("rollback", "Make an earlier recorded version of the rule set current again (as a new version)") { version }, async (parse, storage, ct) =>
        {
            var wanted = parse.GetValue(version);
            if (await storage.History.LoadRuleVersionAsync(wanted, ct) is not { } earlier)
            {
                return await context.ProblemAsync($"error: version {wanted} is not in the history ('rules history' lists the recorded versions).");
            }

            var change = await new RuleAdministration(storage.Rules).RestoreAsync(earlier, null, ct);
            if (!ProblemWriter.Succeeded(context.Error, change, $"Version {wanted} is not valid under today's rules; nothing was changed"))
            {
                return ExitCodes.Problem;
            }

            await context.Out.WriteLineAsync($"Restored version {wanted} as version {change.Version}.");
            return ExitCodes.Success;
        });
    }
}

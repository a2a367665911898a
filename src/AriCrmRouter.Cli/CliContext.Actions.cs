using AriCrmRouter.Cli.Output;
using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Storage;
using AriCrmRouter.Storage.Rules;
using AriCrmRouter.Storage.Secrets;

namespace AriCrmRouter.Cli;

/// <summary>How every command runs: its action guarded, Redis opened for the commands that need it, failures as exit codes.</summary>
internal sealed partial class CliContext
{
    /// <summary>Gives <paramref name="command"/> its action, guarded (see <see cref="Guarded"/>); for commands that need no Redis or check their arguments first.</summary>
    public Command Runs(Command command, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(Guarded(action));
        return command;
    }

    /// <summary>Gives <paramref name="command"/> a guarded action on the Redis stores, opened before it runs and closed after.</summary>
    public Command RunsOnStorage(Command command, Func<ParseResult, StorageSession, CancellationToken, Task<int>> action) =>
        Runs(command, async (parse, cancellationToken) =>
        {
            await using var storage = OpenStorage(parse);
            return await action(parse, storage, cancellationToken);
        });

    /// <summary>
    /// Gives <paramref name="command"/> a guarded action on the stored rule set and the rule that <paramref name="name"/> names
    /// (any case); when no rule has that name, <paramref name="notFound"/> says so on standard error (exit 1).
    /// </summary>
    public Command RunsOnRule(
        Command command,
        Argument<string> name,
        Func<string, string> notFound,
        Func<ParseResult, StorageSession, StoredRuleSet, Rule, CancellationToken, Task<int>> action) =>
        RunsOnStorage(command, async (parse, storage, cancellationToken) =>
        {
            var ruleName = parse.GetRequiredValue(name);
            var stored = await storage.Rules.LoadAsync(cancellationToken);
            return stored.RuleSet.FindByName(ruleName) is { } rule
                ? await action(parse, storage, stored, rule, cancellationToken)
                : await ProblemAsync(notFound(ruleName));
        });

    /// <summary>Says on standard error why the command did nothing, and returns <see cref="ExitCodes.Problem"/>.</summary>
    public async Task<int> ProblemAsync(string message)
    {
        await Error.WriteLineAsync(message);
        return ExitCodes.Problem;
    }

    /// <summary>
    /// A command action that turns the expected failures into exit codes and one clear message each: no
    /// stack traces for an unreachable Redis or a wrong argument.
    /// </summary>
    private Func<ParseResult, CancellationToken, Task<int>> Guarded(Func<ParseResult, CancellationToken, Task<int>> action) =>
        async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken);
            }
            catch (UsageException ex)
            {
                await Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (StorageUnavailableException ex)
            {
                await Error.WriteLineAsync($"error: {ex.Message}");
                await Error.WriteLineAsync("Nothing was changed. Check --redis (or $CRMROUTER_REDIS) and that Redis is running.");
                return ExitCodes.StorageUnavailable;
            }
            catch (SecretUnreadableException ex)
            {
                await Error.WriteLineAsync($"error: {ex.Message}");
                await Error.WriteLineAsync("Nothing was changed. 'crmrouter-admin secrets status' shows the key ring and what it can decrypt.");
                return ExitCodes.Problem;
            }
            catch (StoredRuleSetInvalidException ex)
            {
                ProblemWriter.Write(Error, $"The rule set stored in Redis (version {ex.Version}) is invalid", ex.Problems);
                await Error.WriteLineAsync("Nothing was changed. 'rules import --replace <file>' writes a whole new set.");
                return ExitCodes.Problem;
            }
        };
}

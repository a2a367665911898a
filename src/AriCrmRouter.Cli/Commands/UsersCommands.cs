using AriCrmRouter.Admin.Accounts;
using AriCrmRouter.Cli.Output;
using AriCrmRouter.Storage.Administration;

namespace AriCrmRouter.Cli.Commands;

/// <summary><c>users add|list|remove|token</c>: the local accounts and API tokens of the web admin (crmrouter-web).</summary>
internal static class UsersCommands
{
    /// <summary>Read instead of prompting, for scripts (the demo): never put a password on a command line.</summary>
    public const string PasswordVariable = "CRMROUTER_ADMIN_PASSWORD";

    public static Command Create(CliContext context) => new("users", "Manage the web admin's accounts and API tokens")
    {
        Add(context),
        List(context),
        Remove(context),
        Token(context),
    };

    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Account name (letters, digits, '.', '_', '-')" };
        var role = new Option<string>("--role") { Description = "admin (may change) or viewer (may look)", DefaultValueFactory = _ => AdminRoles.Viewer };
        return context.Runs(new Command("add", $"Create or reset an account; the password is read from standard input or ${PasswordVariable}") { name, role }, async (parse, ct) =>
        {
            var account = parse.GetRequiredValue(name).Trim();
            var accountRole = parse.GetRequiredValue(role).Trim().ToLowerInvariant();
            if (!AdminRoles.IsKnown(accountRole))
            {
                throw new UsageException($"--role must be {AdminRoles.Admin} or {AdminRoles.Viewer}, not '{accountRole}'");
            }

            if (AdminPasswords.NameProblem(account) is { } problem)
            {
                throw new UsageException(problem);
            }

            var password = context.Environment(PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                await context.Out.WriteAsync("Password: ");
                await context.Out.FlushAsync(ct);
                password = await context.Console.In.ReadLineAsync(ct);
            }

            if (AdminPasswords.PasswordProblem(password) is { } weak)
            {
                throw new UsageException(weak);
            }

            await using var storage = context.OpenStorage(parse);
            await storage.Accounts.SaveAsync(new AdminAccount(account, accountRole, AdminPasswords.Hash(password!)), ct);
            await context.Out.WriteLineAsync($"Account '{account}' ({accountRole}) saved.");
            return ExitCodes.Success;
        });
    }

    private static Command List(CliContext context) =>
        context.RunsOnStorage(new Command("list", "List accounts and their roles"), async (parse, storage, ct) =>
        {
            var accounts = await storage.Accounts.ListAsync(ct);
            TableWriter.Write(context.Out, ["NAME", "ROLE"], accounts.Select(a => (IReadOnlyList<string>)[a.Name, a.Role]));
            return ExitCodes.Success;
        });

    private static Command Remove(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Account to remove" };
        return context.RunsOnStorage(new Command("remove", "Remove an account") { name }, async (parse, storage, ct) =>
        {
            var account = parse.GetRequiredValue(name);
            if (!await storage.Accounts.DeleteAsync(account, ct))
            {
                return await context.ProblemAsync(NoAccount(account));
            }

            await context.Out.WriteLineAsync($"Account '{account}' removed.");
            return ExitCodes.Success;
        });
    }

    private static Command Token(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Account the token acts as (its role applies)" };
        var label = new Option<string>("--label") { Description = "What the token is for", DefaultValueFactory = _ => "api" };
        return context.RunsOnStorage(new Command("token", "Issue an API token for the REST API (printed once; keep it secret)") { name, label }, async (parse, storage, ct) =>
        {
            if (await storage.Accounts.FindAsync(parse.GetRequiredValue(name), ct) is not { } account)
            {
                return await context.ProblemAsync(NoAccount(parse.GetRequiredValue(name)));
            }

            var token = await storage.Accounts.IssueTokenAsync(new ApiTokenOwner(account.Name, account.Role, parse.GetRequiredValue(label)), ct);
            await context.Out.WriteLineAsync(token);
            return ExitCodes.Success;
        });
    }

    private static string NoAccount(string name) => $"error: no account named '{name}'.";
}

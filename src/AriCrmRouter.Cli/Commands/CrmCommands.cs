using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Cli.Output;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Routing.Validation;
using AriCrmRouter.Storage.Rules;

namespace AriCrmRouter.Cli.Commands;

/// <summary><c>crm add|list|remove|test|kinds</c>: the named CRM connections integration rules refer to.</summary>
internal static class CrmCommands
{
    public static Command Create(CliContext context) => new("crm", "Add, list, remove and test CRM connections")
    {
        Add(context),
        List(context),
        Remove(context),
        Test(context),
        CrmKindsCommand.Create(context),
    };

    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Connection name, as rules refer to it (crm.connection)" };
        var kind = new Option<string>("--kind") { Description = "CRM kind: " + string.Join(", ", CrmConnectorCatalog.StoredKinds) + " (keys: 'crm kinds <kind>')", Required = true };
        var settings = new Option<string[]>("--setting") { Description = "A plain setting key=value (repeatable)", HelpName = "key=value" };
        var secrets = new Option<string[]>("--secret") { Description = "A secret key=value (repeatable; prefer --secret-env, shells keep history)", HelpName = "key=value" };
        var secretsFromEnvironment = new Option<string[]>("--secret-env") { Description = "A secret read from an environment variable: key=ENV_VAR (repeatable)", HelpName = "key=ENV_VAR" };
        var command = new Command("add", "Add a CRM connection, or replace the one with the same name, after checking its keys against its kind; then check it with 'crm test'")
        {
            name, kind, settings, secrets, secretsFromEnvironment,
        };
        return context.Runs(command, async (parse, ct) =>
        {
            var connectionName = parse.GetRequiredValue(name).Trim();
            if (ConnectionAdministration.NameProblem(connectionName) is { } problem)
            {
                throw new UsageException(problem);
            }

            var secretValues = Pairs(parse.GetValue(secrets), "--secret");
            foreach (var (key, variable) in Pairs(parse.GetValue(secretsFromEnvironment), "--secret-env"))
            {
                var value = context.Environment(variable);
                if (string.IsNullOrEmpty(value))
                {
                    return await context.ProblemAsync($"Environment variable {variable} (for secret '{key}') is not set; nothing was saved.");
                }

                secretValues[key] = value;
            }

            await using var storage = context.OpenStorage(parse);
            await using var crm = new AdminCrmServices(storage.Connections, context.Environment);
            var existed = await storage.Connections.GetAsync(connectionName, ct) is not null;
            var problems = await ConnectionAdministration.SaveAsync(
                storage.Connections, crm.Connectors, connectionName, parse.GetRequiredValue(kind), Pairs(parse.GetValue(settings), "--setting"), secretValues, SecretUpdate.Replace, ct);
            if (problems.Count > 0)
            {
                await context.Error.WriteLineAsync($"CRM connection '{connectionName}' not saved:");
                foreach (var line in problems)
                {
                    await context.Error.WriteLineAsync($"  {line}");
                }

                return ExitCodes.Problem;
            }

            var saved = await storage.Connections.GetAsync(connectionName, ct);
            await context.Out.WriteLineAsync($"{(existed ? "Replaced" : "Added")} CRM connection {saved}.");
            return ExitCodes.Success;
        });
    }

    private static Command List(CliContext context) =>
        context.RunsOnStorage(new Command("list", "List CRM connections (secret names only, never their values)"), async (parse, storage, ct) =>
        {
            TableWriter.Write(
                context.Out,
                await storage.Connections.ListAsync(ct),
                "No CRM connections.",
                ["NAME", "KIND", "SETTINGS", "SECRETS"],
                c =>
                [
                    c.Name,
                    c.Kind,
                    string.Join(", ", c.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}")),
                    string.Join(", ", c.Secrets.Keys.Order(StringComparer.Ordinal)),
                ]);
            return ExitCodes.Success;
        });

    private static Command Remove(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Connection name (any case)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation" };
        return context.RunsOnStorage(new Command("remove", "Remove a CRM connection") { name, yes }, async (parse, storage, ct) =>
        {
            if (await storage.Connections.GetAsync(parse.GetRequiredValue(name), ct) is not { } connection)
            {
                return await context.ProblemAsync(NoConnection(parse.GetRequiredValue(name)));
            }

            var users = await RulesUsingAsync(storage, connection.Name, ct);
            if (users.Count > 0)
            {
                await context.Out.WriteLineAsync($"Warning: rules using '{connection.Name}' will fall back to their default destination: {string.Join(", ", users)}.");
            }

            if (!parse.GetValue(yes) && !await context.ConfirmAsync($"Are you sure you want to remove '{connection.Name}'?", ct))
            {
                await context.Out.WriteLineAsync("Cancelled; nothing was removed.");
                return ExitCodes.Problem;
            }

            await storage.Connections.DeleteAsync(connection.Name, ct);
            await context.Out.WriteLineAsync($"Removed CRM connection '{connection.Name}'.");
            return ExitCodes.Success;
        });
    }

    private static Command Test(CliContext context)
    {
        var name = new Argument<string>("connection") { Description = "Connection name (any case)" };
        var module = new Option<string>("--module") { Description = "CRM module / object, as in a rule's crm.module (e.g. Contacts)", Required = true };
        var field = new Option<string>("--field") { Description = "Field to read, as in a rule's crm.field", Required = true };
        var phone = new Option<string?>("--phone") { Description = "Look the record up by this caller number" };
        var keyField = new Option<string?>("--key-field") { Description = "Look the record up by this field (with --key), as an IVR rule does" };
        var key = new Option<string?>("--key") { Description = "The value for --key-field (what a caller would type)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the whole lookup", DefaultValueFactory = _ => 10 };
        var command = new Command("test", "Validate a CRM connection and make one real lookup, showing each HTTP request (secrets masked) and the answer")
        {
            name, module, field, phone, keyField, key, timeout,
        };
        return context.Runs(command, async (parse, ct) =>
        {
            var request = ConnectionAdministration.TestRequest(parse.GetRequiredValue(module), parse.GetRequiredValue(field), parse.GetValue(phone), parse.GetValue(keyField), parse.GetValue(key))
                ?? throw new UsageException("Give either --phone <number>, or --key-field <field> with --key <value>.");
            var seconds = parse.GetValue(timeout);
            if (seconds is < 1 or > 300)
            {
                throw new UsageException("--timeout must be between 1 and 300 seconds.");
            }

            await using var storage = context.OpenStorage(parse);
            if (await storage.Connections.GetAsync(parse.GetRequiredValue(name), ct) is not { } connection)
            {
                return await context.ProblemAsync(NoConnection(parse.GetRequiredValue(name)));
            }

            await using var crm = new AdminCrmServices(storage.Connections, context.Environment);
            var result = await CrmConnectionTest.RunAsync(connection, crm.Connectors, request, TimeSpan.FromSeconds(seconds), ct);
            foreach (var line in result.Lines)
            {
                await context.Out.WriteLineAsync(line);
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.Problem;
        });
    }

    private static string NoConnection(string name) => $"No CRM connection named '{name}'.";

    private static async Task<IReadOnlyList<string>> RulesUsingAsync(StorageSession storage, string connection, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await storage.Rules.LoadAsync(cancellationToken);
            return [.. stored.RuleSet.Rules
                .Where(rule => rule.Crm is IntegrationCrmSource integration
                    && string.Equals(integration.Connection, connection, StringComparison.OrdinalIgnoreCase))
                .Select(rule => rule.Name)];
        }
        catch (StoredRuleSetInvalidException)
        {
            // Only a courtesy warning; an unreadable rule set must not block removing a connection.
            return [];
        }
    }

    /// <summary>Parses repeated key=value arguments; a malformed one is a usage error.</summary>
    private static Dictionary<string, string> Pairs(string[]? values, string option)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            var separator = value.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                // Never echo the value: for --secret it is the secret itself.
                throw new UsageException($"{option} expects key=value (got an argument without a key or '=').");
            }

            pairs[value[..separator].Trim()] = value[(separator + 1)..];
        }

        return pairs;
    }
}

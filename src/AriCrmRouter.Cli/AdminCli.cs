using AriCrmRouter.Cli.Commands;

namespace AriCrmRouter.Cli;

/// <summary>The <c>crmrouter-admin</c> command tree, runnable in-process with any console and environment.</summary>
internal sealed class AdminCli
{
    private readonly CliContext _context;

    public AdminCli(AdminConsole console, Func<string, string?> environment)
    {
        _context = new CliContext(console, environment);
        Root = new RootCommand("Administer AriCrmRouter: rules, DID assignments, CRM connections and the key ring of their secrets.")
        {
            _context.RedisOption,
            _context.PrefixOption,
            _context.KeyRingOption,
            RulesCommands.Create(_context),
            DidsCommands.Create(_context),
            CrmCommands.Create(_context),
            SimulateCommand.Create(_context),
            UsersCommands.Create(_context),
            SecretsCommands.Create(_context),
        };
    }

    public RootCommand Root { get; }

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parseResult = Root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await _context.Error.WriteLineAsync($"error: {error.Message}");
            }

            await _context.Error.WriteLineAsync("Run 'crmrouter-admin --help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = _context.Out,
            Error = _context.Error,
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }
}

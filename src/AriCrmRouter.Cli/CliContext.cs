using AriCrmRouter.Storage.Redis;

namespace AriCrmRouter.Cli;

/// <summary>What every command handler needs: the console, the environment, the global options and Redis.</summary>
internal sealed partial class CliContext(AdminConsole console, Func<string, string?> environment)
{
    public const string RedisVariable = "CRMROUTER_REDIS";

    public const string KeyRingVariable = "CRMROUTER_KEY_RING";

    /// <summary>The router's own setting, read too so that one environment serves both.</summary>
    public const string RouterKeyRingVariable = "Secrets__KeyRingPath";

    public AdminConsole Console { get; } = console;

    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    public Option<string?> RedisOption { get; } = new("--redis")
    {
        Description = $"StackExchange.Redis configuration (host:port[,password=...]); default: ${RedisVariable}, else {RedisOptions.DefaultConfiguration}",
        HelpName = "configuration",
        Recursive = true,
    };

    public Option<string?> PrefixOption { get; } = new("--prefix")
    {
        Description = $"Key prefix shared with the router (default: {RedisOptions.DefaultKeyPrefix})",
        HelpName = "prefix",
        Recursive = true,
    };

    public Option<string?> KeyRingOption { get; } = new("--key-ring")
    {
        Description = $"Directory of the key ring that encrypts secrets in Redis, shared with the router; default: ${KeyRingVariable}, else ${RouterKeyRingVariable}",
        HelpName = "directory",
        Recursive = true,
    };

    public string? Environment(string name) => environment(name);

    /// <summary>The key ring directory from <c>--key-ring</c>, <c>$CRMROUTER_KEY_RING</c> or <c>$Secrets__KeyRingPath</c>; null when none is given.</summary>
    public string? KeyRingPath(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new[] { parseResult.GetValue(KeyRingOption), environment(KeyRingVariable), environment(RouterKeyRingVariable) }
            .FirstOrDefault(path => !string.IsNullOrWhiteSpace(path));
    }

    /// <summary>Opens the Redis stores named by <c>--redis</c> / <c>$CRMROUTER_REDIS</c> and <c>--prefix</c>.</summary>
    public StorageSession OpenStorage(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var configuration = parseResult.GetValue(RedisOption);
        if (string.IsNullOrWhiteSpace(configuration))
        {
            configuration = environment(RedisVariable);
        }

        if (string.IsNullOrWhiteSpace(configuration))
        {
            configuration = RedisOptions.DefaultConfiguration;
        }

        var prefix = parseResult.GetValue(PrefixOption);
        return StorageSession.Open(configuration, string.IsNullOrEmpty(prefix) ? RedisOptions.DefaultKeyPrefix : prefix, KeyRingPath(parseResult));
    }

    /// <summary>Asks a yes/no question on the console; y, yes and ok (any case) confirm, anything else declines.</summary>
    public async Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        await Out.WriteAsync($"{question} [y/N] ");
        await Out.FlushAsync(cancellationToken);
        var answer = (await Console.In.ReadLineAsync(cancellationToken))?.Trim();
        return answer is not null
            && (answer.Equals("y", StringComparison.OrdinalIgnoreCase)
                || answer.Equals("yes", StringComparison.OrdinalIgnoreCase)
                || answer.Equals("ok", StringComparison.OrdinalIgnoreCase));
    }
}

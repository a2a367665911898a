using System.Text.Json;
using AriCrmRouter.Storage.Secrets;
using StackExchange.Redis;

namespace AriCrmRouter.Cli.Tests;

/// <summary>
/// Runs crmrouter-admin in-process against a test Redis under a key prefix of its own, with files in a
/// private temporary directory and a fake environment whose <c>CRMROUTER_KEY_RING</c> names a key ring with one key.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    private readonly RedisServer _redis;

    public CliHarness(RedisServer redis)
    {
        _redis = redis;
        Directory.CreateDirectory(WorkDirectory);
        using (var ring = SecretKeyRing.Open(KeyRing))
        {
            ring.CreateKey(TimeProvider.System);
        }

        Environment["CRMROUTER_KEY_RING"] = KeyRing;
    }

    public string KeyRing => Path.Combine(WorkDirectory, "key-ring");

    public string Prefix { get; } = $"cli{Guid.NewGuid():N}:";

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), $"crmrouter-cli-{Guid.NewGuid():N}");

    /// <summary>
    /// The CLI's environment; the fake CRMs listen on loopback, which CRM requests may reach only when allowed. The
    /// first HTTPS exchange of a test process (JIT, TLS handshake) can outlast the 1 s production attempt timeout and
    /// the 2 s lookup deadline on a busy machine, so the tests give each attempt and each simulated lookup 15 s: what
    /// they assert is the output, never a timing.
    /// </summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal)
    {
        ["Crm__AllowedPrivateNetworks"] = "127.0.0.0/8",
        ["Crm__DefaultLookupTimeout"] = "00:00:15",
        ["Crm__AttemptTimeout"] = "00:00:15",
    };

    /// <summary>Runs a command with --redis and --prefix of this harness; <paramref name="input"/> is what the user types.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public Task<CliRun> RunWithInputAsync(string input, params string[] args) =>
        RunRawAsync(input, ["--redis", _redis.Configuration, "--prefix", Prefix, .. args]);

    /// <summary>What <c>&lt;noun&gt; list</c> prints now (rules, dids, crm, users): the state a command left behind.</summary>
    public async Task<string> ListAsync(string noun) => (await RunAsync(noun, "list")).Out;

    /// <summary>Runs exactly <paramref name="args"/> (no --redis or --prefix added).</summary>
    public async Task<CliRun> RunRawAsync(string input, IReadOnlyList<string> args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var cli = new AdminCli(new AdminConsole(stdin, stdout, stderr), name => Environment.GetValueOrDefault(name));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exitCode = await cli.RunAsync(args, timeout.Token);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Writes a connection straight into Redis, unchecked and with plain-text secrets, as versions before connections
    /// were checked on save could leave it: what <c>crm test</c> must still report on.
    /// </summary>
    public async Task StoreUncheckedConnectionAsync(string name, string kind, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> secrets)
    {
        var json = JsonSerializer.Serialize(new { name, kind, settings, secrets });
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        await redis.GetDatabase().HashSetAsync(Prefix + "crm:connections", name.ToLowerInvariant(), json);
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(WorkDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }
}

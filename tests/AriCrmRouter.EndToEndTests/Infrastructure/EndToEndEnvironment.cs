namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>
/// ONE stack for the whole tier: a stack.sh instance of its own (name e2e&lt;pid&gt;, free ports), the sample CRM
/// over HTTPS with the demo CA, the built router as a child process, and the test rules imported with the real
/// admin CLI. Anything missing (not root, no Asterisk root, no sipp/redis-server, no build) fails every test of
/// the tier with a message saying what to do; nothing is skipped. Teardown stops everything it started and keeps
/// the logs under artifacts/e2e/.
/// </summary>
public sealed class EndToEndEnvironment : IAsyncLifetime
{
    public const string RedisPrefix = "e2e:";
    public const string DefaultAsteriskRoot = "/var/cache/aricrmrouter/asterisk-root/root";

    private readonly CallTimings _timings = new();
    private readonly string _runDirectory = Path.Combine(RepoPaths.Artifacts, "run");
    private int _disposed;

    public StackInstance Stack { get; } = new($"e2e{Environment.ProcessId}");

    /// <summary>The router's operations endpoint (/healthz, /readyz, /metrics), on a free port kept across restarts.</summary>
    public Uri OperationsUrl { get; } = new($"http://127.0.0.1:{Ports.FreeTcp()}/");

    public SampleCrm Crm { get; private set; } = null!;

    public RouterProcess Router { get; private set; } = null!;

    /// <summary>The key ring that encrypts secrets in this run's Redis (given to the router and every admin command).</summary>
    public string KeyRing => Path.Combine(_runDirectory, "key-ring");

    public SippDriver Sipp { get; private set; } = null!;

    public AsteriskLog AsteriskLog => Stack.Log;

    public async Task InitializeAsync()
    {
        EndToEndPrerequisites.Check();
        if (Directory.Exists(_runDirectory))
        {
            Directory.Delete(_runDirectory, recursive: true);
        }

        Directory.CreateDirectory(_runDirectory);
        try
        {
            await Stack.UpAsync();
            Crm = await SampleCrm.StartAsync(Path.Combine(Stack.StateDirectory, "ca"), Path.Combine(_runDirectory, "sample-crm.log"));
            // The key ring shared by the admin CLI and the router, made by the real CLI as an operator would.
            await AdminAsync("secrets", "new-key", "--if-none");
            await ImportRulesAsync();
            Router = new RouterProcess(RouterEnvironment(), Path.Combine(_runDirectory, "router.log"));
            await Router.StartAsync();
            Sipp = new SippDriver(Stack.SipPort, Path.Combine(_runDirectory, "sipp"));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (Router is not null)
        {
            await Router.DisposeAsync();
        }

        if (Crm is not null)
        {
            await Crm.DisposeAsync();
        }

        try
        {
            await Stack.DownAsync();
        }
        finally
        {
            KeepAsteriskLogs();
            _timings.WriteTo(Path.Combine(RepoPaths.Artifacts, "call-setup-times.md"));
        }
    }

    /// <summary>Places one call and waits until Asterisk logs where it landed; records the call-setup time.</summary>
    public async Task<CallOutcome> CallAsync(SippCall call, [CallerMemberName] string scenario = "", TimeSpan? landingTimeout = null)
    {
        var mark = AsteriskLog.Mark();
        var sipp = Sipp.RunAsync(call);
        Landing landing;
        try
        {
            landing = await AsteriskLog.WaitForLandingAsync(mark, call.Caller, landingTimeout ?? TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException ex)
        {
            var result = await sipp;
            throw new TimeoutException($"{ex.Message}\n{result}\n{result.Output}\nRouter log (tail):\n{RouterLogTail()}", ex);
        }

        var sippResult = await sipp;
        var setup = AsteriskLog.SetupTime(mark, landing);
        Record(scenario, setup, landing.Destination);
        return new CallOutcome(landing, sippResult, setup, mark);
    }

    /// <summary>The same for the plain call scenario (answer, hold <paramref name="holdMs"/>, hang up).</summary>
    public Task<CallOutcome> CallAsync(string did, string caller, int holdMs = 500, [CallerMemberName] string scenario = "") =>
        CallAsync(new SippCall { Scenario = SippScenarios.Call, Did = did, Caller = caller, HoldMs = holdMs }, scenario);

    /// <summary>
    /// Places one call and waits for <paramref name="count"/> landings of its caller (a call routed more than once);
    /// returns them with SIPp's result, for the test to judge.
    /// </summary>
    public async Task<(SippResult Sipp, IReadOnlyList<Landing> Landings)> CallUntilLandingsAsync(SippCall call, int count = 1)
    {
        var mark = AsteriskLog.Mark();
        var sipp = await Sipp.RunAsync(call);
        var landings = await AsteriskLog.WaitForLandingsAsync(mark, l => l.Caller == call.Caller, count, TimeSpan.FromSeconds(20));
        return (sipp, landings);
    }

    /// <summary>Records one call-setup time; <paramref name="scenario"/> is a test method name, optionally followed by " (case)".</summary>
    public void Record(string scenario, TimeSpan setup, string detail) => _timings.Record(scenario, setup, detail);

    public string RouterLogTail(int max = 6000)
    {
        var log = Router.ReadLog();
        return log.Length <= max ? log : log[^max..];
    }

    public Dictionary<string, string> RouterEnvironment() => new()
    {
        ["Ari__BaseUrl"] = Stack.AriBaseUrl,
        ["Ari__Username"] = StackInstance.AriUsername,
        ["Ari__Password"] = Stack.AriPassword,
        ["Ari__Application"] = "crmrouter",
        ["Ari__InitialReconnectDelay"] = "00:00:00.200",
        ["Ari__MaxReconnectDelay"] = "00:00:01",
        ["Redis__Configuration"] = Stack.RedisConfiguration,
        ["Redis__KeyPrefix"] = RedisPrefix,
        ["Crm__ExtraTrustedCaFile"] = Crm.CaFile,
        // The sample CRM and the vendor fakes listen on loopback, which CRM requests reach only when allowed.
        ["Crm__AllowedPrivateNetworks"] = "127.0.0.0/8,::1/128",
        ["Crm__DefaultRegion"] = "US",
        // The failure scenarios fail on purpose, many times: keep the breaker out of the way of later scenarios.
        ["Crm__CircuitBreaker__MinimumThroughput"] = "10000",
        // One attempt may use the rule's whole deadline (the slow-CRM scenarios hold calls in the lookup).
        ["Crm__AttemptTimeout"] = "00:00:20",
        ["Routing__Fallback__Type"] = "queue",
        ["Routing__Fallback__Target"] = "500",
        ["Routing__DrainTimeout"] = "00:00:02",
        ["Observability__Port"] = OperationsUrl.Port.ToString(CultureInfo.InvariantCulture),
        ["Secrets__KeyRingPath"] = KeyRing,
        ["DOTNET_NOLOGO"] = "1",
    };

    private async Task ImportRulesAsync()
    {
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Rules", "e2e-rules.json"));
        var rules = Path.Combine(_runDirectory, "e2e-rules.json");
        await File.WriteAllTextAsync(rules, template.Replace("{CRM_URL}", Crm.LookupUrl, StringComparison.Ordinal));
        await AdminAsync("rules", "import", rules, "--replace");
    }

    /// <summary>Runs the built crmrouter-admin against this stack's Redis; throws with its output when it fails.</summary>
    public Task<string> AdminAsync(params string[] args) => AdminAsync(null, args);

    /// <summary>The same, with extra environment variables (a password for <c>users add</c>: never on a command line).</summary>
    public async Task<string> AdminAsync(IDictionary<string, string>? environment, params string[] args)
    {
        var (exit, output) = await ChildProcess.RunAsync("dotnet",
            [RepoPaths.AdminDll, "--redis", Stack.RedisConfiguration, "--prefix", RedisPrefix, "--key-ring", KeyRing, .. args],
            TimeSpan.FromSeconds(60), environment);
        if (exit != 0)
        {
            throw new InvalidOperationException($"crmrouter-admin {string.Join(' ', args)} failed (exit {exit}):\n{output}");
        }

        return output;
    }

    /// <summary>A file in this run's directory (kept with the logs after the run).</summary>
    public string RunFile(string name) => Path.Combine(_runDirectory, name);

    private void KeepAsteriskLogs()
    {
        if (string.IsNullOrEmpty(Stack.LogDirectory) || !Directory.Exists(Stack.LogDirectory))
        {
            return;
        }

        foreach (var name in new[] { "messages", "full" })
        {
            var source = Path.Combine(Stack.LogDirectory, name);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(_runDirectory, $"asterisk-{name}.log"), overwrite: true);
            }
        }

        // The instance lives inside the shared Asterisk root; a stopped instance is only disk space.
        var instance = Path.GetDirectoryName(Stack.LogDirectory.TrimEnd('/'));
        if (instance is not null && instance.Contains("/srv/aricrmrouter/", StringComparison.Ordinal))
        {
            Directory.Delete(instance, recursive: true);
        }

        if (Directory.Exists(Stack.StateDirectory))
        {
            Directory.Delete(Stack.StateDirectory, recursive: true);
        }
    }
}

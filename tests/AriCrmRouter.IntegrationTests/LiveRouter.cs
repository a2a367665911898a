using AriCrmRouter.Cli;
using AriCrmRouter.Service.Hosting;
using AriCrmRouter.Service.Observability;
using AriCrmRouter.Storage;
using AriCrmRouter.Storage.Secrets;
using AriCrmRouter.TestKit.Ari;
using AriCrmRouter.TestKit.Crm;
using AriCrmRouter.TestKit.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AriCrmRouter.IntegrationTests;

/// <summary>
/// The real router host (the same composition as the service's Program) wired to a fake ARI server over real
/// websockets and HTTP, a real Redis started for the test class, and an HTTPS fake custom CRM.
/// </summary>
public sealed class LiveRouter : IAsyncLifetime
{
    public const string AriPassword = "ari-S3cret-pass";
    public const string CrmToken = "crm-T0ken-value";

    private readonly TestCertificates _certificates = TestCertificates.Create();
    private readonly string _directory = Directory.CreateTempSubdirectory("crmrouter-it-").FullName;
    private readonly RedisServer _redis = new();
    private IHost? _router;

    /// <summary>A stack on one stand-alone Redis.</summary>
    public LiveRouter()
    {
    }

    private LiveRouter(RedisSentinelSet sentinel) => Sentinel = sentinel;

    /// <summary>A stack whose router and admin CLI reach Redis through Sentinel (master, replica, Sentinel).</summary>
    public static LiveRouter OnSentinel() => new(new RedisSentinelSet());

    /// <summary>The stand-alone Redis, or the Sentinel set's current first master.</summary>
    public RedisServer Redis => Sentinel?.Master ?? _redis;

    public RedisSentinelSet? Sentinel { get; }

    /// <summary>What router and CLI are given as <c>Redis:Configuration</c>.</summary>
    public string RedisConfiguration => Sentinel?.Configuration ?? _redis.Configuration;

    public FakeAriServer Ari { get; private set; } = null!;

    public FakeCustomCrm Crm { get; private set; } = null!;

    public FakeLogCollector Logs => _router!.Services.GetFakeLogCollector();

    public IRuleSetProvider Rules => _router!.Services.GetRequiredService<IRuleSetProvider>();

    /// <summary>The router's operations endpoint (/healthz, /readyz, /metrics).</summary>
    public Uri OperationsAddress => _router!.Services.GetRequiredService<OperationsEndpoint>().Address!;

    public string Prefix { get; } = $"it{Guid.NewGuid():N}:"[..12];

    /// <summary>The clock of the fake ARI (channel ids are its unix seconds and a sequence); null: the system clock.</summary>
    public TimeProvider? AriClock { get; init; }

    /// <summary>The key ring shared by the admin CLI and the router (one key, made at initialisation).</summary>
    public string KeyRing => Path.Combine(_directory, "key-ring");

    public async Task InitializeAsync()
    {
        if (Sentinel is not null)
        {
            await Sentinel.InitializeAsync();
        }
        else
        {
            await _redis.StartAsync();
        }

        using (var ring = SecretKeyRing.Open(KeyRing))
        {
            ring.CreateKey(TimeProvider.System);
        }

        Ari = await FakeAriServer.StartAsync("crmrouter", AriPassword, "crmrouter", AriClock);
        Crm = await FakeCustomCrm.StartAsync(_certificates);
        Crm.Add("+14155550100", ("status", "GOLD"), ("lifetime_value", "40"));
        Crm.Add("+14155550101", ("status", "SILVER"), ("lifetime_value", "1200"));
        Crm.Add("4242", ("status", "GOLD"));
    }

    public async Task DisposeAsync()
    {
        await StopRouterAsync();
        await Ari.DisposeAsync();
        await Crm.DisposeAsync();
        await _redis.DisposeAsync();
        if (Sentinel is not null)
        {
            await Sentinel.DisposeAsync();
        }

        _certificates.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Starts the router and waits until its websocket is connected.</summary>
    public async Task StartRouterAsync(IDictionary<string, string?>? overrides = null)
    {
        _router = await StartAnotherRouterAsync(overrides);
        await Ari.WaitForAsync(s => s.ConnectedClients == 1, TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Starts a router host on this stack (Redis, CRM, key ring; the fake ARI unless <paramref name="overrides"/> say
    /// otherwise) that the caller owns: a second router beside <see cref="StartRouterAsync"/>'s.
    /// </summary>
    public async Task<IHost> StartAnotherRouterAsync(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ari:BaseUrl"] = Ari.BaseUri.ToString(),
            ["Ari:Username"] = "crmrouter",
            ["Ari:Password"] = AriPassword,
            ["Ari:Application"] = "crmrouter",
            ["Ari:InitialReconnectDelay"] = "00:00:00.050",
            ["Ari:MaxReconnectDelay"] = "00:00:00.500",
            ["Redis:Configuration"] = RedisConfiguration,
            ["Redis:KeyPrefix"] = Prefix,
            ["Crm:ExtraTrustedCaFile"] = _certificates.WriteAuthorityPem(_directory),
            ["Crm:AllowedPrivateNetworks"] = "127.0.0.0/8", // the fake CRMs listen on loopback
            ["Routing:DrainTimeout"] = "00:00:01",
            ["Observability:Port"] = "0", // test classes run in parallel: a free port each
            ["Secrets:KeyRingPath"] = KeyRing,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging();
        builder.Services.AddCrmRouter(builder.Configuration);
        var router = builder.Build();
        await router.StartAsync();
        return router;
    }

    public async Task StopRouterAsync()
    {
        if (_router is not null)
        {
            await _router.StopAsync();
            _router.Dispose();
            _router = null;
        }
    }

    /// <summary>Runs <c>crmrouter-admin</c> in-process against this stack's Redis; returns the exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> AdminAsync(params string[] args)
    {
        using var output = new StringWriter();
        var console = new AdminConsole(new StringReader("yes\n"), output, output);
        var cli = new AdminCli(console, _ => null);
        var exit = await cli.RunAsync(["--redis", RedisConfiguration, "--prefix", Prefix, "--key-ring", KeyRing, .. args], CancellationToken.None);
        return (exit, output.ToString());
    }

    /// <summary>Writes a rules file for this stack's CRM and imports it with the admin CLI.</summary>
    public async Task ImportRulesAsync(string rulesJson)
    {
        var path = Path.Combine(_directory, $"rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, rulesJson.Replace("{CRM_URL}", Crm.LookupUrl.ToString(), StringComparison.Ordinal));
        var (exit, output) = await AdminAsync("rules", "import", path, "--replace");
        Assert.True(exit == 0, output);
    }

    /// <summary>Imports <paramref name="rulesJson"/> with the admin CLI, then starts the router (with <paramref name="overrides"/>).</summary>
    public async Task StartRouterWithRulesAsync(string rulesJson, IDictionary<string, string?>? overrides = null)
    {
        await ImportRulesAsync(rulesJson);
        await StartRouterAsync(overrides);
    }

    /// <summary>Waits until the router serves a rule set that satisfies <paramref name="condition"/>.</summary>
    public async Task WaitForRulesAsync(Func<IRuleSetProvider, bool> condition, TimeSpan? timeout = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition(Rules) && waited.Elapsed < (timeout ?? TimeSpan.FromSeconds(3)))
        {
            await Task.Delay(10);
        }

        Assert.True(condition(Rules), "the router did not pick up the rule change");
    }

    public async Task<FakeDialplanLanding> LandingOfAsync(string channelId, TimeSpan? timeout = null)
    {
        var state = await Ari.WaitForAsync(s => s.Channel(channelId)?.Landing is not null, timeout ?? TimeSpan.FromSeconds(10));
        return state.Channel(channelId)!.Landing!;
    }
}

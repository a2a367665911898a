using Microsoft.Extensions.Configuration;

namespace AriCrmRouter.Ari.Tests.Support;

/// <summary>A fake ARI plus the client wired exactly as production wires it (AddAriClient), with short reconnect delays.</summary>
internal sealed class AriHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    private AriHarness(FakeAriServer fake, ServiceProvider services)
    {
        Fake = fake;
        Services = services;
    }

    public FakeAriServer Fake { get; }

    public ServiceProvider Services { get; }

    public IAriClient Client => Services.GetRequiredService<IAriClient>();

    public AriEventConnection Connection => Services.GetRequiredService<AriEventConnection>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public Task? Running => _running;

    public static async Task<AriHarness> StartAsync(Action<IDictionary<string, string?>>? configure = null)
    {
        var fake = await FakeAriServer.StartAsync("router", "s3cr3t-pa55", "crmrouter");
        var settings = new Dictionary<string, string?>
        {
            ["Ari:BaseUrl"] = fake.BaseUri.ToString(),
            ["Ari:Username"] = fake.Username,
            ["Ari:Password"] = fake.Password,
            ["Ari:Application"] = fake.Application,
            ["Ari:InitialReconnectDelay"] = "00:00:00.020",
            ["Ari:MaxReconnectDelay"] = "00:00:00.200",
            ["Ari:ConnectTimeout"] = "00:00:02",
            ["Ari:KeepAliveInterval"] = "00:00:05",
        };
        configure?.Invoke(settings);
        return new AriHarness(fake, BuildServices(settings));
    }

    public static ServiceProvider BuildServices(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
        services.AddAriClient(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Starts the event connection in the background, as the host's service would.</summary>
    public Task RunConnectionAsync(IAriEventSink sink)
    {
        _running = Task.Run(() => Connection.RunAsync(sink, _stop.Token));
        return _running;
    }

    /// <summary>Starts the event connection and waits until both sides see it connected; gives the sink that records what it delivers.</summary>
    public async Task<RecordingSink> ConnectedAsync(RecordingSink? sink = null)
    {
        sink ??= new RecordingSink();
        _ = RunConnectionAsync(sink);
        await sink.WaitForEntryAsync("connected:first");

        // The client is connected once its handshake completes; the fake lists the socket a moment later. A test
        // that closes or counts the fake's clients must not run in between.
        await Fake.WaitForAsync(state => state.ConnectedClients == 1, Timeout);
        return sink;
    }

    public async Task WaitForLogsAsync(Func<FakeLogRecord, bool> match, int count)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (Logs.GetSnapshot().Count(match) < count)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < Timeout, $"Fewer than {count} matching log records within {Timeout}.");
            await Task.Delay(10);
        }
    }

    public string AllLogText() => string.Join('\n', Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(Timeout);
        }

        await Services.DisposeAsync();
        await Fake.DisposeAsync();
        _stop.Dispose();
    }
}

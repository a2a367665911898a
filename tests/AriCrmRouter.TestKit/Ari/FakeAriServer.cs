namespace AriCrmRouter.TestKit.Ari;

/// <summary>
/// An in-process stand-in for Asterisk 22's ARI: a real Kestrel server on 127.0.0.1 serving the
/// <c>/ari/events</c> websocket and the REST commands the router uses, with channel and playback state so
/// that commands have Asterisk's effects and events (answer -> Up, continue -> StasisEnd, 404/409 on
/// gone/not-in-Stasis channels, a continued channel stays in Stasis until its playbacks end).
/// Tests drive calls (<see cref="StartCallAsync"/>, <see cref="SendDtmfAsync"/>, <see cref="CallerHangsUpAsync"/>)
/// and assert on <see cref="State"/>, <see cref="Commands"/> and the <c>WaitFor</c> helpers.
/// </summary>
public sealed partial class FakeAriServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeChannel> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePlayback> _playbacks = new(StringComparer.Ordinal);
    private readonly List<FakeAriCommand> _commands = [];
    private readonly List<FakeAriSentEvent> _sentEvents = [];
    private readonly List<FakeAriFailure> _failures = [];
    private readonly HashSet<string> _missingMedia = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _channelSequence;
    private int _playbackSequence;
    private int _disposed;

    private FakeAriServer(string username, string password, string application, TimeProvider timeProvider)
    {
        Username = username;
        Password = password;
        Application = application;
        _timeProvider = timeProvider;
    }

    /// <summary><c>http://127.0.0.1:{port}/ari</c>: use as <c>AriOptions.BaseUrl</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    public string Username { get; }

    public string Password { get; }

    /// <summary>The only Stasis application this fake serves (other <c>app</c> values are refused with 400).</summary>
    public string Application { get; }

    public string AsteriskId { get; init; } = "02:42:ac:11:00:02";

    /// <summary>Dialplan context new channels are in when they enter Stasis.</summary>
    public string DefaultContext { get; set; } = "from-trunk";

    /// <summary>Priority of the <c>Stasis()</c> line in the test dialplan.</summary>
    public int StasisPriority { get; set; } = 2;

    /// <summary>While true, websocket connections are dropped before the upgrade (as if Asterisk were down).</summary>
    public bool RefuseConnections { get; set; }

    /// <summary>
    /// How playbacks end by themselves: null (default) = they play until <see cref="FinishPlaybackAsync"/>,
    /// <c>DELETE /playbacks/{id}</c>, continue+finish or hangup; <see cref="TimeSpan.Zero"/> = finished right after
    /// PlaybackStarted; otherwise finished after that long (on the server's TimeProvider).
    /// </summary>
    public TimeSpan? PlaybackAutoFinishAfter { get; set; }

    /// <summary>Every REST request received, in order.</summary>
    public IReadOnlyList<FakeAriCommand> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>A consistent snapshot of channels, playbacks, commands, sent events and connections.</summary>
    public FakeAriState State
    {
        get
        {
            lock (_gate)
            {
                return new FakeAriState(
                    _channels.ToDictionary(c => c.Key, c => c.Value.Snapshot(), StringComparer.Ordinal),
                    _playbacks.ToDictionary(p => p.Key, p => p.Value.Snapshot(), StringComparer.Ordinal),
                    [.. _commands],
                    [.. _sentEvents],
                    _subscribers.Count,
                    _totalConnections);
            }
        }
    }

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeAriServer> StartAsync(
        string username = "asterisk",
        string password = "asterisk-secret",
        string application = "crmrouter",
        TimeProvider? timeProvider = null)
    {
        var server = new FakeAriServer(username, password, application, timeProvider ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/ari");
        return server;
    }

    /// <summary>Requests matching <paramref name="method"/> and the decoded <paramref name="path"/> (relative to /ari, e.g. <c>/channels/1.1/answer</c>) answer <paramref name="status"/>, <paramref name="times"/> times.</summary>
    public void InjectFailure(string method, string path, HttpStatusCode status, string? message = null, int times = int.MaxValue) =>
        InjectFailure(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase) && c.Path == path, status, message, times);

    public void InjectFailure(Func<FakeAriCommand, bool> matches, HttpStatusCode status, string? message = null, int times = int.MaxValue)
    {
        lock (_gate)
        {
            _failures.Add(new FakeAriFailure(matches, status, message ?? $"Injected {(int)status}", times));
        }
    }

    public void ClearFailures()
    {
        lock (_gate)
        {
            _failures.Clear();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds on a snapshot; throws <see cref="TimeoutException"/> with the state otherwise.</summary>
    public async Task<FakeAriState> WaitForAsync(Func<FakeAriState, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var state = State;
            if (condition(state))
            {
                return state;
            }

            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"The fake ARI did not reach the expected state within {timeout}. {Describe(state)}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits for a REST command matching <paramref name="predicate"/> and returns the first one.</summary>
    public async Task<FakeAriCommand> WaitForCommandAsync(Func<FakeAriCommand, bool> predicate, TimeSpan timeout)
    {
        var state = await WaitForAsync(s => s.Commands.Any(predicate), timeout);
        return state.Commands.First(predicate);
    }

    /// <summary>Stops the server; safe to call more than once (a test may stop Asterisk before the fixture does).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await DisconnectClientsAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private static string Describe(FakeAriState state) =>
        $"Clients: {state.ConnectedClients} (total {state.TotalConnections}); channels: [{string.Join("; ", state.Channels.Values.Select(c => $"{c.Id} {c.State} stasis={c.InStasis} hungup={c.IsHungUp} landing={c.Landing}"))}]; " +
        $"commands: [{string.Join("; ", state.Commands)}]; events: [{string.Join(", ", state.SentEvents.Select(e => e.Type))}]";
}

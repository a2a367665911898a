namespace AriCrmRouter.Storage.Redis;

/// <summary>
/// The one <see cref="ConnectionMultiplexer"/> of a process, connected on first use. It never aborts on a
/// failed connect (the router must start and keep routing while Redis is down) and fails commands fast
/// instead of queueing them while disconnected, so that callers learn at once that Redis is unreachable.
/// A configuration with <c>serviceName=</c> reaches the master through Redis Sentinel and follows its failovers.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly RedisOptions _options;
    private readonly ILogger<RedisConnection> _logger;
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private ConnectionMultiplexer? _multiplexer;
    private ConnectionMultiplexer? _sentinel;
    private bool _disposed;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger, StorageMetrics? metrics = null)
    {
        Metrics = metrics;
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        Keys = new RedisKeys(_options.KeyPrefix);
        Endpoints = TryParse(_options.Configuration, out var parsed) ? DescribeEndpoints(parsed) : "(invalid configuration)";
    }

    /// <summary>The configured endpoints (never the password), for messages and logs.</summary>
    public string Endpoints { get; }

    internal RedisKeys Keys { get; }

    internal StorageMetrics? Metrics { get; }

    internal static bool TryParse(string configuration, out ConfigurationOptions parsed)
    {
        try
        {
            parsed = ConfigurationOptions.Parse(configuration);
            return true;
        }
        catch (ArgumentException)
        {
            parsed = new ConfigurationOptions();
            return false;
        }
    }

    /// <summary>The shared connection; it may be disconnected, in which case commands throw at once.</summary>
    /// <remarks>
    /// One connect attempt runs at a time, shared by every caller; a caller that gives up waiting does not
    /// abandon it. A failed attempt (a Sentinel configuration whose Sentinels do not answer) is forgotten so
    /// that the next use tries again.
    /// </remarks>
    public async Task<IConnectionMultiplexer> GetAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_multiplexer is { } existing)
        {
            return existing;
        }

        Task<ConnectionMultiplexer> attempt;
        lock (_gate)
        {
            attempt = _connecting ??= ConnectOnceAsync();
        }

        return await attempt.WaitAsync(cancellationToken);
    }

    private async Task<ConnectionMultiplexer> ConnectOnceAsync()
    {
        try
        {
            var configuration = ConfigurationOptions.Parse(_options.Configuration);
            configuration.AbortOnConnectFail = false;
            configuration.BacklogPolicy = BacklogPolicy.FailFast;

            // The library's own socket threads, not the .NET thread pool: during a Sentinel failover the library
            // blocks pool threads while it reconnects, and with its I/O on the same starved pool a router stopped
            // answering broadcast offers for over a second (scripts/ha-load.sh --smoke; docs/performance.md).
            var multiplexer = await ConnectAsync(configuration);
            multiplexer.ConnectionFailed += OnConnectionFailed;
            multiplexer.ConnectionRestored += OnConnectionRestored;
            if (!multiplexer.IsConnected)
            {
                Log.RedisNotReachableAtStart(_logger, Endpoints);
            }

            lock (_gate)
            {
                if (!_disposed)
                {
                    _multiplexer = multiplexer;
                    return multiplexer;
                }
            }

            await CloseAsync(multiplexer, _sentinel);
            throw new ObjectDisposedException(nameof(RedisConnection));
        }
        catch
        {
            lock (_gate)
            {
                _connecting = null;
            }

            throw;
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
    {
        if (string.IsNullOrEmpty(configuration.ServiceName))
        {
            return await ConnectionMultiplexer.ConnectAsync(configuration);
        }

        // StackExchange.Redis' one-step Sentinel connect throws when no Sentinel answers and leaves its own
        // Sentinel connection retrying in the background; in two steps the failed one can be closed.
        var sentinel = await ConnectionMultiplexer.SentinelConnectAsync(configuration);
        try
        {
            var primary = sentinel.GetSentinelMasterConnection(configuration);
            _sentinel = sentinel;
            return primary;
        }
        catch
        {
            await sentinel.DisposeAsync();
            throw;
        }
    }

    internal async Task<IDatabase> DatabaseAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).GetDatabase();

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            Log.RedisConnectionFailed(_logger, Endpoints, e.FailureType.ToString());
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            Log.RedisConnectionRestored(_logger, Endpoints);
        }
    }

    private static string DescribeEndpoints(ConfigurationOptions options)
    {
        var endpoints = options.EndPoints.Count == 0 ? "(no endpoint)" : string.Join(",", options.EndPoints.Select(EndPointText));
        return string.IsNullOrEmpty(options.ServiceName) ? endpoints : $"service '{options.ServiceName}' through Sentinel {endpoints}";
    }

    private static string EndPointText(System.Net.EndPoint endPoint) => endPoint switch
    {
        System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        System.Net.IPEndPoint ip => ip.ToString(),
        _ => endPoint.ToString() ?? "?",
    };

    public async ValueTask DisposeAsync()
    {
        if (Detach() is { } multiplexer)
        {
            await CloseAsync(multiplexer, _sentinel);
        }
    }

    /// <summary>For containers disposed synchronously; hosts use <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        if (Detach() is { } multiplexer)
        {
            multiplexer.Dispose();
            _sentinel?.Dispose();
        }
    }

    private static async Task CloseAsync(ConnectionMultiplexer multiplexer, ConnectionMultiplexer? sentinel)
    {
        await multiplexer.CloseAsync(allowCommandsToComplete: false);
        await multiplexer.DisposeAsync();
        if (sentinel is not null)
        {
            await sentinel.DisposeAsync();
        }
    }

    private ConnectionMultiplexer? Detach()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return null;
            }

            _disposed = true;
        }

        var multiplexer = _multiplexer;
        if (multiplexer is not null)
        {
            multiplexer.ConnectionFailed -= OnConnectionFailed;
            multiplexer.ConnectionRestored -= OnConnectionRestored;
        }

        return multiplexer;
    }
}

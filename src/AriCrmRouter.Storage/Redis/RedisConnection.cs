using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AriCrmRouter.Storage.Redis;

/// <summary>
/// The one <see cref="ConnectionMultiplexer"/> of a process, connected on first use. It never aborts on a
/// failed connect (the router must start and keep routing while Redis is down) and fails commands fast
/// instead of queueing them while disconnected, so that callers learn at once that Redis is unreachable.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly RedisOptions _options;
    private readonly ILogger<RedisConnection> _logger;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;
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
    public async Task<IConnectionMultiplexer> GetAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_multiplexer is { } existing)
        {
            return existing;
        }

        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            if (_multiplexer is null)
            {
                var configuration = ConfigurationOptions.Parse(_options.Configuration);
                configuration.AbortOnConnectFail = false;
                configuration.BacklogPolicy = BacklogPolicy.FailFast;
                var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).WaitAsync(cancellationToken);
                multiplexer.ConnectionFailed += OnConnectionFailed;
                multiplexer.ConnectionRestored += OnConnectionRestored;
                if (!multiplexer.IsConnected)
                {
                    Log.RedisNotReachableAtStart(_logger, Endpoints);
                }

                _multiplexer = multiplexer;
            }

            return _multiplexer;
        }
        finally
        {
            _connectLock.Release();
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

    private static string DescribeEndpoints(ConfigurationOptions options) =>
        options.EndPoints.Count == 0 ? "(no endpoint)" : string.Join(",", options.EndPoints.Select(EndPointText));

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
            await multiplexer.CloseAsync(allowCommandsToComplete: false);
            await multiplexer.DisposeAsync();
        }
    }

    /// <summary>For containers disposed synchronously; hosts use <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => Detach()?.Dispose();

    private ConnectionMultiplexer? Detach()
    {
        if (_disposed)
        {
            return null;
        }

        _disposed = true;
        var multiplexer = _multiplexer;
        if (multiplexer is not null)
        {
            multiplexer.ConnectionFailed -= OnConnectionFailed;
            multiplexer.ConnectionRestored -= OnConnectionRestored;
        }

        _connectLock.Dispose();
        return multiplexer;
    }
}

namespace AriCrmRouter.TestKit.Ari;

/// <summary>How a request the proxy was told to fail fails.</summary>
public enum AriFault
{
    /// <summary>Answered 500 without reaching Asterisk.</summary>
    ServerError,

    /// <summary>The connection is dropped without an answer (the request never reaches Asterisk).</summary>
    Lost,
}

/// <summary>
/// A reverse proxy in front of a real Asterisk's ARI (REST and the events websocket) that the router under test
/// is pointed at instead, and that can be told to fail the next <c>POST .../continue</c> or <c>.../variable</c>
/// calls, or to drop the StasisStart of the next channel, so that the router's recovery paths run against a real
/// Asterisk. Everything else passes through unchanged.
/// </summary>
public sealed partial class FaultyAriProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Uri _asterisk;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly object _gate = new();
    private int _continuesToFail;
    private AriFault _continueFault;
    private int _variablesToFail;
    private int _stasisStartsToDrop;
    private int _applicationReadsStarted;
    private int _applicationReadsFinished;
    private readonly List<string> _dropped = [];

    private FaultyAriProxy(WebApplication app, Uri asterisk)
    {
        _app = app;
        _asterisk = asterisk;
    }

    /// <summary>The ARI base URL to give the router (<c>http://127.0.0.1:port/ari</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public int FailedContinues { get; private set; }

    public int FailedVariables { get; private set; }

    /// <summary>Channel ids whose StasisStart was dropped.</summary>
    public IReadOnlyList<string> DroppedStasisStarts
    {
        get
        {
            lock (_gate)
            {
                return [.. _dropped];
            }
        }
    }

    /// <summary>Starts a proxy for the ARI at <paramref name="ariBaseUrl"/> (e.g. <c>http://127.0.0.1:8088/ari</c>).</summary>
    public static async Task<FaultyAriProxy> StartAsync(Uri ariBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(ariBaseUrl);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new FaultyAriProxy(app, new Uri(ariBaseUrl.GetLeftPart(UriPartial.Authority)));
        app.UseWebSockets();
        app.Run(context => context.WebSockets.IsWebSocketRequest ? proxy.RelayEventsAsync(context) : proxy.ForwardAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.BaseUrl = new Uri(new Uri(address), ariBaseUrl.AbsolutePath);
        return proxy;
    }

    /// <summary>The next <paramref name="count"/> <c>continue</c> requests fail as <paramref name="fault"/> says.</summary>
    public void FailNextContinues(int count, AriFault fault)
    {
        lock (_gate)
        {
            _continuesToFail = count;
            _continueFault = fault;
        }
    }

    /// <summary>The next <paramref name="count"/> channel variable requests (the router's labels) are answered 500.</summary>
    public void FailNextVariables(int count)
    {
        lock (_gate)
        {
            _variablesToFail = count;
        }
    }

    /// <summary>The next StasisStart event is not passed on to the router (as if the websocket lost it).</summary>
    public void DropNextStasisStart()
    {
        lock (_gate)
        {
            _stasisStartsToDrop = 1;
        }
    }

    /// <summary>
    /// Waits until the router has read its application (<c>GET /applications/{name}</c>, which the recovery after
    /// connecting and every sweep do) at least <paramref name="count"/> times and no such read is under way.
    /// </summary>
    public async Task WaitForApplicationReadsAsync(int count, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (Volatile.Read(ref _applicationReadsFinished) < count || Volatile.Read(ref _applicationReadsStarted) != Volatile.Read(ref _applicationReadsFinished))
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"the router read its application {_applicationReadsFinished} times in {timeout.TotalSeconds:0} s, not {count}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsPost(request.Method) && TakeFault(path) is { } fault)
        {
            if (fault == AriFault.Lost)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"message":"Internal Server Error (injected by the test proxy)"}""", context.RequestAborted);
            return;
        }

        var applicationRead = HttpMethods.IsGet(request.Method) && path.Contains("/applications/", StringComparison.Ordinal);
        if (applicationRead)
        {
            Interlocked.Increment(ref _applicationReadsStarted);
        }

        try
        {
            await RelayAsync(context, path);
        }
        finally
        {
            if (applicationRead)
            {
                Interlocked.Increment(ref _applicationReadsFinished);
            }
        }
    }

    private async Task RelayAsync(HttpContext context, string path)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_asterisk, path + request.QueryString));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            message.Content = new StreamContent(request.Body);
            if (request.ContentType is { } type)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var header in request.Headers)
        {
            if (!IsHopOrContentHeader(header.Key))
            {
                message.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
            }
        }

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!IsHopOrContentLength(header.Key))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>The fault for this request if one is armed for its kind (continue or variable), counting it.</summary>
    private AriFault? TakeFault(string path)
    {
        lock (_gate)
        {
            if (path.EndsWith("/continue", StringComparison.Ordinal) && _continuesToFail > 0)
            {
                _continuesToFail--;
                FailedContinues++;
                return _continueFault;
            }

            if (path.EndsWith("/variable", StringComparison.Ordinal) && _variablesToFail > 0)
            {
                _variablesToFail--;
                FailedVariables++;
                return AriFault.ServerError;
            }

            return null;
        }
    }

    private static bool IsHopOrContentHeader(string name) =>
        name.Equals("Host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase);

    private static bool IsHopOrContentLength(string name) =>
        name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase);
}

using Microsoft.AspNetCore.Routing;

namespace AriCrmRouter.TestKit.Http;

/// <summary>A request as a fake server saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port (Kestrel), whose endpoints a test or a fake CRM maps.
/// Every request is recorded, headers and body included, so tests can assert what was sent.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeHttpServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>When set, matching requests get its canned answer instead of the mapped endpoints.</summary>
    public FakeFault? Fault { get; set; }

    /// <summary>Starts a server whose endpoints <paramref name="map"/> defines.</summary>
    public static async Task<FakeHttpServer> StartAsync(Action<IEndpointRouteBuilder> map, Action<KestrelServerOptionsConfigurator>? https = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, 0, listen => https?.Invoke(new KestrelServerOptionsConfigurator(listen)));
        });
        var app = builder.Build();
        var server = new FakeHttpServer(app);
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var recorded = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, body);
            server._requests.Enqueue(recorded);
            if (server.Fault is { } fault && fault.TryTake(recorded))
            {
                await fault.WriteAsync(context.Response);
                return;
            }

            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Lets a caller switch a fake server's listener to HTTPS with its own certificate.</summary>
public sealed class KestrelServerOptionsConfigurator(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen)
{
    public void UseHttps(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) => listen.UseHttps(certificate);
}

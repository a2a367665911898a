using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Metrics;

namespace AriCrmRouter.Service.Observability;

/// <summary>
/// The operations port: a small Kestrel server of its own (the router itself is not a web application) with
/// <c>/healthz</c> (the process answers), <c>/readyz</c> (the "ready" health checks: 200 when healthy or degraded,
/// 503 when unhealthy, JSON body) and <c>/metrics</c> (Prometheus text format of the router's meters).
/// </summary>
internal sealed class OperationsEndpoint(
    IOptions<ObservabilityOptions> options,
    HealthCheckService healthChecks,
    MeterProvider meterProvider,
    ILoggerFactory loggerFactory,
    RouterGauges gauges) : IHostedService, IAsyncDisposable
{
    public const string ReadyTag = "ready";

    private readonly ILogger _logger = loggerFactory.CreateLogger<OperationsEndpoint>();
    private WebApplication? _app;

    /// <summary>Where the endpoint listens once started (with the real port when 0 was configured).</summary>
    public Uri? Address { get; private set; }

    /// <summary>Taken by the constructor so that the observed gauges exist as soon as the host starts.</summary>
    internal RouterGauges Gauges => gauges;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(settings.ListenAddress), settings.Port);
        });

        var app = builder.Build();
        app.UseRouting();
        app.MapGet("/healthz", () => Results.Text("alive\n"));
        app.MapGet("/readyz", ReadyAsync);
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider, configureBranchedPipeline: null, optionsName: null);
        await app.StartAsync(cancellationToken);
        _app = app;

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        Address = new Uri(addresses?.FirstOrDefault() ?? $"http://{settings.ListenAddress}:{settings.Port}");
        Log.OperationsListening(_logger, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync();
        }
    }

    private async Task<IResult> ReadyAsync(CancellationToken cancellationToken)
    {
        var report = await healthChecks.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        var status = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return Results.Json(ReadinessReport.From(report), ObservabilityJsonContext.Default.ReadinessReport, statusCode: status);
    }
}

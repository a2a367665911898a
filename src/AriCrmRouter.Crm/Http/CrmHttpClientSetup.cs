using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Crm.Http;

/// <summary>
/// What every HTTP client that talks to a CRM has in common, so that the main <see cref="CrmHttp.ClientName"/>
/// client and special-purpose ones (Bullhorn's non-redirecting authorize client) trust the same CAs, use the
/// same connect timeout and size bound, never log request URLs, and record their attempts into
/// <see cref="CrmTrace"/>.
/// </summary>
public static class CrmHttpClientSetup
{
    /// <summary>The socket handler for CRM calls, built from <see cref="CrmOptions"/>.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler(CrmOptions options, bool allowAutoRedirect = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = allowAutoRedirect,
            MaxAutomaticRedirections = 3,
            AutomaticDecompression = DecompressionMethods.All,
            SslOptions = { RemoteCertificateValidationCallback = CrmCertificateTrust.Create(options.ExtraTrustedCaFile) },
        };
    }

    /// <summary>
    /// Registers a named CRM client with the shared primary handler, no client-level timeout (the lookup
    /// deadline and the attempt timeout govern), the response size bound and no request logging. The caller
    /// adds its resilience pipeline and then <see cref="AddCrmTracing"/> so that every attempt is traced.
    /// </summary>
    public static IHttpClientBuilder AddCrmHttpClient(this IServiceCollection services, string name, bool allowAutoRedirect = true)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<CrmTraceHandler>();
        return services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(sp => CreatePrimaryHandler(sp.GetRequiredService<IOptions<CrmOptions>>().Value, allowAutoRedirect))
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = sp.GetRequiredService<IOptions<CrmOptions>>().Value.MaxResponseBytes;
            })
            .RemoveAllLoggers(); // request URLs of some CRMs carry session ids or tokens: never log them
    }

    /// <summary>Records each attempt into the active <see cref="CrmTrace"/> scope (add it inside any retry handler).</summary>
    public static IHttpClientBuilder AddCrmTracing(this IHttpClientBuilder builder) =>
        builder.AddHttpMessageHandler<CrmTraceHandler>();
}

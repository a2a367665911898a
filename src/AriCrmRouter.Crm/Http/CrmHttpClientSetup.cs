namespace AriCrmRouter.Crm.Http;

/// <summary>
/// What every HTTP client that talks to a CRM has in common, so that the main <see cref="CrmHttp.ClientName"/>
/// client and special-purpose ones (Bullhorn's non-redirecting authorize client) trust the same CAs, use the
/// same connect timeout and size bound, connect only to allowed addresses (<see cref="CrmNetworkGuard"/>),
/// follow redirects only within a CRM's own origin (<see cref="CrmRedirectHandler"/>), never log request URLs,
/// and record their attempts into <see cref="CrmTrace"/>.
/// </summary>
public static class CrmHttpClientSetup
{
    /// <summary>
    /// The socket handler for CRM calls, built from <see cref="CrmOptions"/>. It never follows redirects itself
    /// (it would re-send every header to any host): <see cref="CrmRedirectHandler"/> does.
    /// </summary>
    public static SocketsHttpHandler CreatePrimaryHandler(CrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var guard = CrmNetworkGuard.FromOptions(options);
        return new SocketsHttpHandler
        {
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = guard.ConnectAsync,
            SslOptions = { RemoteCertificateValidationCallback = CrmCertificateTrust.Create(options.ExtraTrustedCaFile) },
        };
    }

    /// <summary>
    /// Registers a named CRM client with the shared primary handler, no client-level timeout (the lookup
    /// deadline and the attempt timeout govern), the response size bound and no request logging. Redirects
    /// within the CRM's origin are followed (outermost, so each hop is retried and traced on its own) unless
    /// <paramref name="allowAutoRedirect"/> is false. The caller adds its resilience pipeline and then
    /// <see cref="AddCrmTracing"/> so that every attempt is traced.
    /// </summary>
    public static IHttpClientBuilder AddCrmHttpClient(this IServiceCollection services, string name, bool allowAutoRedirect = true)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<CrmTraceHandler>();
        var builder = services.AddHttpClient(name);
        if (allowAutoRedirect)
        {
            builder.AddHttpMessageHandler(() => new CrmRedirectHandler());
        }

        return builder
            .ConfigurePrimaryHttpMessageHandler(sp => CreatePrimaryHandler(sp.GetRequiredService<IOptions<CrmOptions>>().Value))
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

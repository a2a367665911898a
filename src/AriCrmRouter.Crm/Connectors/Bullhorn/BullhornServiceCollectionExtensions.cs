using Polly;

namespace AriCrmRouter.Crm.Connectors.Bullhorn;

public static class BullhornServiceCollectionExtensions
{
    /// <summary>
    /// Registers the HTTP client the Bullhorn connector uses for <c>/oauth/authorize</c>: it must not follow
    /// redirects, because the authorization code is read from the redirect's Location and must not be sent
    /// on to the registered redirect URI. Otherwise it is set up like the main CRM client (trusted CAs,
    /// connect and attempt timeout, no request logging, traced), without retries: the request carries the
    /// password and is not repeated.
    /// </summary>
    public static IHttpClientBuilder AddBullhornAuthorizeClient(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AuthorizeClientRegistered)))
        {
            return services.AddHttpClient(BullhornConnector.AuthorizeClientName); // configured already: add nothing twice
        }

        services.AddSingleton<AuthorizeClientRegistered>();
        var client = services.AddCrmHttpClient(BullhornConnector.AuthorizeClientName, allowAutoRedirect: false);
        client.AddResilienceHandler(BullhornConnector.AuthorizeClientName, (builder, context) =>
            builder.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<CrmOptions>>().Value.AttemptTimeout));
        return client.AddCrmTracing();
    }

    /// <summary>Marks the authorize client as registered so that a second call does not stack its handlers.</summary>
    private sealed class AuthorizeClientRegistered;
}

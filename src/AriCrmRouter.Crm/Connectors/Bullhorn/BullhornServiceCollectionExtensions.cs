using Microsoft.Extensions.DependencyInjection;

namespace AriCrmRouter.Crm.Connectors.Bullhorn;

public static class BullhornServiceCollectionExtensions
{
    /// <summary>
    /// Registers the HTTP client the Bullhorn connector uses for <c>/oauth/authorize</c>: it must not follow
    /// redirects, because the authorization code is read from the redirect's Location and must not be sent
    /// on to the registered redirect URI.
    /// </summary>
    public static IHttpClientBuilder AddBullhornAuthorizeClient(this IServiceCollection services) =>
        services.AddHttpClient(BullhornConnector.AuthorizeClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
}

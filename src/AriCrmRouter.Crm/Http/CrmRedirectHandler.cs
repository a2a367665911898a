namespace AriCrmRouter.Crm.Http;

/// <summary>
/// Follows a CRM's redirects within its own origin (same host and port; http to https on the same host is an
/// upgrade) and refuses the others. CRM requests carry credentials in headers (custom CRM headers such as API
/// keys, Pipedrive's <c>x-api-token</c>) that the socket handler would re-send to whatever host a redirect
/// names. Dropping them instead would turn the request into an anonymous one, answered with a misleading
/// 401 or, worse, with somebody else's data; a CRM that moved is configured once at its new address.
/// </summary>
public sealed class CrmRedirectHandler : DelegatingHandler
{
    /// <summary>Redirects followed for one request before it fails.</summary>
    public const int MaxRedirects = 3;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        for (var hop = 0; IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hop++)
        {
            var from = request.RequestUri!;
            var target = location.IsAbsoluteUri ? location : new Uri(from, location);
            if (!IsSameOrigin(from, target))
            {
                response.Dispose();
                throw new CrmLookupException(CrmFailureKind.Configuration, $"{from.Host} redirected to another host ({target.Host}); CRM requests and their credentials are not sent to other hosts: configure the new address");
            }

            if (hop == MaxRedirects)
            {
                response.Dispose();
                throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"{from.Host} redirected more than {MaxRedirects} times");
            }

            var status = response.StatusCode;
            response.Dispose();
            request.RequestUri = new UriBuilder(target) { Fragment = "" }.Uri;
            if (status == HttpStatusCode.SeeOther || (request.Method == HttpMethod.Post && status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found))
            {
                request.Method = HttpMethod.Get;
                request.Content = null;
            }

            response = await base.SendAsync(request, cancellationToken);
        }

        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsSameOrigin(Uri from, Uri to)
    {
        if (!string.Equals(from.IdnHost, to.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (from.Scheme == to.Scheme)
        {
            return from.Port == to.Port;
        }

        // An upgrade from http to https on the default ports; never a downgrade.
        return from.Scheme == Uri.UriSchemeHttp && to.Scheme == Uri.UriSchemeHttps && from.IsDefaultPort && to.IsDefaultPort;
    }
}

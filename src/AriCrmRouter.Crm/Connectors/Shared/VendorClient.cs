using AriCrmRouter.Crm.Phone;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// What a connector needs to talk to its CRM, built once from its constructor arguments: the pooled CRM
/// HTTP client, the response size bound, the clock, and how caller numbers are read.
/// </summary>
internal sealed class VendorClient(IHttpClientFactory httpClientFactory, IOptions<CrmOptions> options, TimeProvider timeProvider)
{
    public CrmOptions Options { get; } = options?.Value ?? throw new ArgumentNullException(nameof(options));

    public TimeProvider Time { get; } = timeProvider;

    /// <summary>Sends through the main <see cref="CrmHttp.ClientName"/> client.</summary>
    public Task<VendorAnswer> SendAsync(HttpRequestMessage message, string connectionName, string step, CancellationToken cancellationToken) =>
        SendAsync(CrmHttp.ClientName, message, connectionName, step, cancellationToken);

    /// <summary>Sends through a named client (Bullhorn's non-redirecting authorize client).</summary>
    public Task<VendorAnswer> SendAsync(string clientName, HttpRequestMessage message, string connectionName, string step, CancellationToken cancellationToken) =>
        VendorHttp.SendAsync(httpClientFactory.CreateClient(clientName), message, Options.MaxResponseBytes, Time, connectionName, step, cancellationToken);

    /// <summary>
    /// An OAuth 2 token request with the secrets in the form body or <paramref name="clientAuthentication"/>
    /// (see <see cref="OAuthTokenEndpoint"/>).
    /// </summary>
    public Task<VendorAnswer> PostTokenAsync(
        Uri tokenUrl, IEnumerable<KeyValuePair<string, string>> form, string connectionName, CancellationToken cancellationToken, AuthenticationHeaderValue? clientAuthentication = null) =>
        OAuthTokenEndpoint.PostAsync(httpClientFactory.CreateClient(CrmHttp.ClientName), tokenUrl, form, clientAuthentication, Options.MaxResponseBytes, Time, connectionName, cancellationToken);

    /// <summary>
    /// An OAuth 2 token request whose answer must carry an access token: an answer without one is a refusal
    /// (Zoho reports a bad refresh token or client with HTTP 200 and <c>{"error":"invalid_code"}</c>).
    /// </summary>
    public async Task<OAuthTokenAnswer> RequestTokenAsync(
        Uri tokenUrl, IEnumerable<KeyValuePair<string, string>> form, string connectionName, CancellationToken cancellationToken, AuthenticationHeaderValue? clientAuthentication = null)
    {
        var answer = await PostTokenAsync(tokenUrl, form, connectionName, cancellationToken, clientAuthentication);
        var token = answer.Deserialize(CrmJsonContext.Default.OAuthTokenAnswer, connectionName, OAuthTokenEndpoint.Step);
        return string.IsNullOrEmpty(token.AccessToken) ? throw OAuthTokenEndpoint.Refused(answer, connectionName) : token;
    }

    /// <summary>The caller's number in every form, read with the connection's <c>defaultRegion</c> or the service default.</summary>
    public PhoneNumberForms CallerForms(CrmConnection connection, CrmLookupRequest request)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        return PhoneNumberForms.Parse(request.CallerNumber, connection.Setting(ConnectionKey.DefaultRegion) ?? Options.DefaultRegion);
    }
}

namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>
/// A Pipedrive connection: an API token (sent in the <c>x-api-token</c> header) or an OAuth app
/// (<c>clientId</c> + <c>clientSecret</c> + <c>refreshToken</c>), and the company's API domain.
/// </summary>
internal sealed record PipedriveSettings(
    Uri BaseUrl,
    Uri TokenUrl,
    string? ApiToken,
    string ClientId,
    string ClientSecret,
    string RefreshToken,
    string Region) : IConnectorSettings<PipedriveSettings>
{
    public static readonly ConnectionKey BaseUrlKey = ConnectionKey.Setting("baseUrl", "API base URL (the company domain)", "https://api.pipedrive.com");
    public static readonly ConnectionKey TokenUrlKey = ConnectionKey.Setting("tokenUrl", "OAuth token URL", "https://oauth.pipedrive.com/oauth/token");
    public static readonly ConnectionKey ApiTokenKey = ConnectionKey.Secret("apiToken", "personal API token (or use the OAuth keys)");
    public static readonly OAuthAppKeys OAuthKeys = OAuthAppKeys.InsteadOf("apiToken", "; rotated tokens are kept");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "pipedrive",
        "Pipedrive",
        [BaseUrlKey, TokenUrlKey, ApiTokenKey, OAuthKeys.ClientId, OAuthKeys.ClientSecret, OAuthKeys.RefreshToken, ConnectionKey.DefaultRegion])
    {
        ConnectorType = typeof(PipedriveConnector),
    };

    public static PipedriveSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var baseUrl = reader.RequiredUrl(BaseUrlKey);
        var tokenUrl = reader.RequiredUrl(TokenUrlKey);
        var (apiToken, app) = OAuthKeys.ReadOr(reader, ApiTokenKey, "");
        var settings = new PipedriveSettings(baseUrl, tokenUrl, apiToken, app.ClientId, app.ClientSecret, app.RefreshToken, reader.Region(serviceRegion));
        problems = reader.Problems;
        return settings;
    }
}

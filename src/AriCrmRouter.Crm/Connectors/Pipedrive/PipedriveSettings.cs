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
    public static readonly ConnectionKey ClientIdKey = ConnectionKey.Setting("clientId", "OAuth app client id (without apiToken)");
    public static readonly ConnectionKey ClientSecretKey = ConnectionKey.Secret("clientSecret", "OAuth app client secret (with clientId)");
    public static readonly ConnectionKey RefreshTokenKey = ConnectionKey.Secret("refreshToken", "OAuth refresh token (with clientId; rotated tokens are kept)");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "pipedrive",
        "Pipedrive",
        [BaseUrlKey, TokenUrlKey, ApiTokenKey, ClientIdKey, ClientSecretKey, RefreshTokenKey, ConnectionKey.DefaultRegion])
    {
        ConnectorType = typeof(PipedriveConnector),
    };

    public static PipedriveSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var baseUrl = reader.RequiredUrl(BaseUrlKey);
        var tokenUrl = reader.RequiredUrl(TokenUrlKey);
        var apiToken = reader.OptionalSecret(ApiTokenKey);
        string clientId = "", clientSecret = "", refreshToken = "";
        if (apiToken is null)
        {
            if (connection.Setting(ClientIdKey) is null && connection.Secret(RefreshTokenKey) is null)
            {
                reader.Problem($"secret '{ApiTokenKey}' is missing, or set '{ClientIdKey}' with secrets '{ClientSecretKey}' and '{RefreshTokenKey}' for OAuth");
            }
            else
            {
                clientId = reader.Required(ClientIdKey);
                clientSecret = reader.RequiredSecret(ClientSecretKey);
                refreshToken = reader.RequiredSecret(RefreshTokenKey);
            }
        }

        var settings = new PipedriveSettings(baseUrl, tokenUrl, apiToken, clientId, clientSecret, refreshToken, reader.Region(serviceRegion));
        problems = reader.Problems;
        return settings;
    }
}

namespace AriCrmRouter.Crm.Connectors.HubSpot;

/// <summary>
/// A HubSpot connection: a private app token (<c>accessToken</c>, never expires) or an OAuth app
/// (<c>clientId</c> + <c>clientSecret</c> + <c>refreshToken</c>), and which properties hold phone numbers.
/// </summary>
internal sealed record HubSpotSettings(
    Uri BaseUrl,
    Uri TokenUrl,
    string? PrivateAppToken,
    string ClientId,
    string ClientSecret,
    string RefreshToken,
    IReadOnlyList<string>? PhoneProperties,
    bool OptionLabels,
    string Region) : IConnectorSettings<HubSpotSettings>
{
    public static readonly ConnectionKey BaseUrlKey = ConnectionKey.Setting("baseUrl", "API base URL", "https://api.hubapi.com");
    public static readonly ConnectionKey TokenUrlKey = ConnectionKey.Setting("tokenUrl", "OAuth token URL", "<baseUrl>/oauth/v3/token");
    public static readonly ConnectionKey AccessTokenKey = ConnectionKey.Secret("accessToken", "private app token (or use the OAuth keys)");
    public static readonly OAuthAppKeys OAuthKeys = OAuthAppKeys.InsteadOf("accessToken");
    public static readonly ConnectionKey PhonePropertiesKey = ConnectionKey.Setting("phoneProperties", "comma-separated phone properties", "phone, mobilephone (contacts) or phone");
    public static readonly ConnectionKey OptionLabelsKey = ConnectionKey.Setting("optionLabels", "true: answer enumeration labels instead of values", "false");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "hubspot",
        "HubSpot",
        [BaseUrlKey, TokenUrlKey, AccessTokenKey, OAuthKeys.ClientId, OAuthKeys.ClientSecret, OAuthKeys.RefreshToken, PhonePropertiesKey, OptionLabelsKey, ConnectionKey.DefaultRegion])
    {
        ConnectorType = typeof(HubSpotConnector),
    };

    public bool UsesOAuth => PrivateAppToken is null;

    public static HubSpotSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var baseUrl = reader.RequiredUrl(BaseUrlKey);
        var tokenUrl = reader.RequiredUrl(TokenUrlKey, new Uri(baseUrl, "oauth/v3/token").ToString());
        var (privateAppToken, app) = OAuthKeys.ReadOr(reader, AccessTokenKey, " (private app token)");
        var phoneProperties = reader.NameList(PhonePropertiesKey, "property names");
        var optionLabels = reader.OneOf(OptionLabelsKey, "true", "false") == "true";
        var settings = new HubSpotSettings(
            baseUrl, tokenUrl, privateAppToken, app.ClientId, app.ClientSecret, app.RefreshToken, phoneProperties, optionLabels, reader.Region(serviceRegion));
        problems = reader.Problems;
        return settings;
    }

    /// <summary>The configured phone properties, or HubSpot's standard ones for the object.</summary>
    public IReadOnlyList<string> PhonePropertiesFor(string module) =>
        PhoneProperties ?? (string.Equals(module, "contacts", StringComparison.OrdinalIgnoreCase) ? ["phone", "mobilephone"] : ["phone"]);
}

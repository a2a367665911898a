namespace AriCrmRouter.Crm.Connectors.Zoho;

/// <summary>
/// A Zoho connection's settings. The data centre picks the accounts (token) server and the default API
/// domain; <c>accountsUrl</c> and <c>apiDomain</c> override them (new data centres, proxies, fakes).
/// </summary>
internal sealed record ZohoSettings(
    Uri AccountsUrl,
    Uri? ApiDomain,
    string ApiVersion,
    string ClientId,
    string ClientSecret,
    string RefreshToken,
    string Region) : IConnectorSettings<ZohoSettings>
{
    public static readonly string[] DataCenters = ["com", "eu", "in", "com.au", "jp", "com.cn", "ca", "sa", "uk", "ae"];

    public static readonly ConnectionKey DataCenter = ConnectionKey.Setting("dataCenter", $"Zoho data centre: {string.Join(", ", DataCenters)}", "com");
    public static readonly ConnectionKey AccountsUrlKey = ConnectionKey.Setting("accountsUrl", "token server, overrides the data centre's", "https://accounts.zoho.<dataCenter>");
    public static readonly ConnectionKey ApiDomainKey = ConnectionKey.Setting("apiDomain", "API domain, overrides the token answer's api_domain");
    public static readonly ConnectionKey ApiVersionKey = ConnectionKey.Setting("apiVersion", "REST API version", "v8");
    public static readonly ConnectionKey ClientIdKey = ConnectionKey.RequiredSetting("clientId", "OAuth client id (Zoho API console)");
    public static readonly ConnectionKey ClientSecretKey = ConnectionKey.RequiredSecret("clientSecret", "OAuth client secret");
    public static readonly ConnectionKey RefreshTokenKey = ConnectionKey.RequiredSecret("refreshToken", "OAuth refresh token");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "zoho",
        "Zoho CRM",
        [DataCenter, AccountsUrlKey, ApiDomainKey, ApiVersionKey, ClientIdKey, ClientSecretKey, RefreshTokenKey, ConnectionKey.DefaultRegion])
    {
        ConnectorType = typeof(ZohoConnector),
    };

    public static ZohoSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var dataCenter = reader.OneOf(DataCenter, DataCenters);
        var accountsUrl = reader.RequiredUrl(AccountsUrlKey, AccountsHost(dataCenter));
        var apiDomain = reader.Url(ApiDomainKey);
        var apiVersion = reader.Matching(ApiVersionKey, IsApiVersion, "a Zoho API version such as v8");
        var settings = new ZohoSettings(
            accountsUrl,
            apiDomain,
            apiVersion,
            reader.Required(ClientIdKey),
            reader.RequiredSecret(ClientSecretKey),
            reader.RequiredSecret(RefreshTokenKey),
            reader.Region(serviceRegion));
        problems = reader.Problems;
        return settings;
    }

    /// <summary>The API domain used until a token answer names one (and always, when <c>apiDomain</c> is set).</summary>
    public static Uri DefaultApiDomain(CrmConnection connection) =>
        new(ApiHost(connection.Setting(DataCenter)?.ToLowerInvariant() ?? DataCenter.Default!));

    private static string AccountsHost(string dataCenter) => dataCenter switch
    {
        "ca" => "https://accounts.zohocloud.ca",
        _ => $"https://accounts.zoho.{dataCenter}",
    };

    private static string ApiHost(string dataCenter) => dataCenter switch
    {
        "ca" => "https://www.zohoapis.ca",
        _ => $"https://www.zohoapis.{dataCenter}",
    };

    private static bool IsApiVersion(string value) =>
        value.Length is >= 2 and <= 4 && value[0] == 'v' && value[1..].All(char.IsAsciiDigit);
}

namespace AriCrmRouter.Crm.Connectors.Bullhorn;

/// <summary>A Bullhorn connection's settings and secrets, read and checked once per lookup.</summary>
internal sealed record BullhornSettings(
    Uri RestServices,
    string UserName,
    string Password,
    string ClientId,
    string ClientSecret,
    string? RedirectUri,
    bool AuthorizeWithGet,
    bool LoginWithGet,
    bool UseQuery,
    string? PhoneFields) : ICheckedConnectorSettings<BullhornSettings>
{
    public static readonly ConnectionKey Url = ConnectionKey.Setting("url", "REST services URL (loginInfo)", "https://rest.bullhornstaffing.com/rest-services");
    public static readonly ConnectionKey Username = ConnectionKey.RequiredSetting("username", "the API user");
    public static readonly ConnectionKey ClientIdKey = ConnectionKey.RequiredSetting("clientId", "API key client id");
    public static readonly ConnectionKey RedirectUriKey = ConnectionKey.Setting("redirectUri", "the redirect URI registered with the API key");
    public static readonly ConnectionKey AuthorizeMethodKey = ConnectionKey.Setting("authorizeMethod", "get or post for oauth/authorize", "get");
    public static readonly ConnectionKey LoginMethodKey = ConnectionKey.Setting("loginMethod", "get or post for the REST login", "get");
    public static readonly ConnectionKey LookupModeKey = ConnectionKey.Setting("lookupMode", "search (Lucene) or query (where clause)", "search");
    public static readonly ConnectionKey PhoneFieldsKey = ConnectionKey.PhoneFields("entity");
    public static readonly ConnectionKey PasswordSecret = ConnectionKey.RequiredSecret("password", "the API user's password");
    public static readonly ConnectionKey ClientSecretKey = ConnectionKey.RequiredSecret("clientSecret", "API key client secret");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "bullhorn",
        "Bullhorn",
        [Url, Username, ClientIdKey, RedirectUriKey, AuthorizeMethodKey, LoginMethodKey, LookupModeKey, PhoneFieldsKey, PasswordSecret, ClientSecretKey, ConnectionKey.DefaultRegion])
    {
        ConnectorType = typeof(BullhornConnector),
    };

    public static IReadOnlyList<string> Problems(CrmConnection connection)
    {
        var reader = new ConnectionSettingsReader(connection);
        reader.HttpsUrl(Url);
        if (connection.Setting(RedirectUriKey) is { } redirect && !Uri.TryCreate(redirect, UriKind.Absolute, out _))
        {
            reader.Problem($"setting '{RedirectUriKey}' must be an absolute URL (the one registered with the API key)");
        }

        reader.Required(Username, "the API user");
        reader.Required(ClientIdKey);
        reader.RequiredSecret(PasswordSecret);
        reader.RequiredSecret(ClientSecretKey);
        foreach (var key in (ConnectionKey[])[AuthorizeMethodKey, LoginMethodKey])
        {
            if (connection.Setting(key)?.ToLowerInvariant() is { } method && method is not ("post" or "get"))
            {
                reader.Problem($"setting '{key}' must be 'get' or 'post'");
            }
        }

        if (connection.Setting(LookupModeKey)?.ToLowerInvariant() is { } mode && mode is not ("search" or "query"))
        {
            reader.Problem($"setting '{LookupModeKey}' must be 'search' (Lucene) or 'query' (where clause)");
        }

        return reader.Problems;
    }

    public static BullhornSettings FromUsable(CrmConnection connection)
    {
        var root = CrmUrls.Parse(connection.Setting(Url) ?? Url.Default!, Url.Name, connection.Name);
        return new BullhornSettings(
            WithSlash(root),
            connection.RequiredSetting(Username),
            connection.RequiredSecret(PasswordSecret),
            connection.RequiredSetting(ClientIdKey),
            connection.RequiredSecret(ClientSecretKey),
            connection.Setting(RedirectUriKey),
            // Bullhorn documents authorize with query parameters and REST login by GET; POST stays an option.
            !string.Equals(connection.Setting(AuthorizeMethodKey), "post", StringComparison.OrdinalIgnoreCase),
            !string.Equals(connection.Setting(LoginMethodKey), "post", StringComparison.OrdinalIgnoreCase),
            string.Equals(connection.Setting(LookupModeKey), "query", StringComparison.OrdinalIgnoreCase),
            connection.Setting(PhoneFieldsKey));
    }

    public static Uri WithSlash(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public override string ToString() => "BullhornSettings (secrets hidden)";
}

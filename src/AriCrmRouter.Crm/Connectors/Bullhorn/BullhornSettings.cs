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
    string? PhoneFields) : IConnectorSettings<BullhornSettings>
{
    public static readonly ConnectionKey Url = ConnectionKey.Setting("url", "REST services URL (loginInfo)", "https://rest.bullhornstaffing.com/rest-services");
    public static readonly ConnectionKey Username = ConnectionKey.RequiredSetting("username", "the API user");
    public static readonly ConnectionKey ClientIdKey = ConnectionKey.RequiredSetting("clientId", "API key client id");
    public static readonly ConnectionKey RedirectUriKey = ConnectionKey.Setting("redirectUri", "the redirect URI registered with the API key");
    public static readonly ConnectionKey AuthorizeMethodKey = ConnectionKey.Setting("authorizeMethod", "get or post for oauth/authorize", "get");
    public static readonly ConnectionKey LoginMethodKey = ConnectionKey.Setting("loginMethod", "get or post for the REST login", "get");
    public static readonly ConnectionKey LookupModeKey = ConnectionKey.Setting("lookupMode", "search (Lucene) or query (where clause)", "search");
    public static readonly ConnectionKey PhoneFieldsKey = ConnectionKey.Setting("phoneFields", "comma-separated phone fields", "the entity's phone fields");
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
        ArgumentNullException.ThrowIfNull(connection);
        var problems = new List<string>();
        if (connection.Setting(Url) is { } url && !CrmUrls.IsAllowed(url))
        {
            problems.Add($"setting '{Url}' must be an https URL");
        }

        if (connection.Setting(RedirectUriKey) is { } redirect && !Uri.TryCreate(redirect, UriKind.Absolute, out _))
        {
            problems.Add($"setting '{RedirectUriKey}' must be an absolute URL (the one registered with the API key)");
        }

        if (connection.Setting(Username) is null)
        {
            problems.Add($"setting '{Username}' is missing (the API user)");
        }

        if (connection.Setting(ClientIdKey) is null)
        {
            problems.Add($"setting '{ClientIdKey}' is missing");
        }

        if (connection.Secret(PasswordSecret) is null)
        {
            problems.Add($"secret '{PasswordSecret}' is missing");
        }

        if (connection.Secret(ClientSecretKey) is null)
        {
            problems.Add($"secret '{ClientSecretKey}' is missing");
        }

        if (connection.Setting(AuthorizeMethodKey)?.ToLowerInvariant() is { } method && method is not ("post" or "get"))
        {
            problems.Add($"setting '{AuthorizeMethodKey}' must be 'get' or 'post'");
        }

        if (connection.Setting(LoginMethodKey)?.ToLowerInvariant() is { } login && login is not ("post" or "get"))
        {
            problems.Add($"setting '{LoginMethodKey}' must be 'get' or 'post'");
        }

        if (connection.Setting(LookupModeKey)?.ToLowerInvariant() is { } mode && mode is not ("search" or "query"))
        {
            problems.Add($"setting '{LookupModeKey}' must be 'search' (Lucene) or 'query' (where clause)");
        }

        return problems;
    }

    /// <summary>The settings when the connection is usable (<paramref name="problems"/> empty), otherwise <c>null</c>.</summary>
    public static BullhornSettings? Read(CrmConnection connection, out IReadOnlyList<string> problems)
    {
        problems = Problems(connection);
        return problems.Count == 0 ? FromUsable(connection) : null;
    }

    // Caller numbers are read with the connection's defaultRegion when the lookup asks (VendorClient.CallerForms).
    static BullhornSettings? IConnectorSettings<BullhornSettings>.Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems) =>
        Read(connection, out problems);

    private static BullhornSettings FromUsable(CrmConnection connection)
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

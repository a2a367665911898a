namespace AriCrmRouter.Crm.Connectors.SuiteCrm;

/// <summary>A SuiteCRM connection's settings and secrets, read and checked once per lookup.</summary>
internal sealed record SuiteCrmSettings(
    Uri Root,
    SuiteCrmApi Api,
    string? UserName,
    string? Password,
    string ApplicationName,
    TimeSpan SessionLifetime,
    string? ClientId,
    string? ClientSecret,
    string GrantType,
    string PathPrefix,
    string? PhoneFields,
    string? Table) : ICheckedConnectorSettings<SuiteCrmSettings>
{
    public static readonly ConnectionKey Url = ConnectionKey.RequiredSetting("url", "the SuiteCRM URL, e.g. https://crm.example.com");
    public static readonly ConnectionKey ApiKey = ConnectionKey.RequiredSetting("api", "v4_1 (SuiteCRM 7 legacy REST) or v8 (JSON:API)");
    public static readonly ConnectionKey Username = ConnectionKey.Setting("username", "user (api v4_1, or v8 with grantType password)");
    public static readonly ConnectionKey ApplicationNameKey = ConnectionKey.Setting("applicationName", "application name sent with the v4_1 login", "crmrouter");
    public static readonly ConnectionKey ClientIdKey = ConnectionKey.Setting("clientId", "OAuth2 client id (api v8)");
    public static readonly ConnectionKey GrantTypeKey = ConnectionKey.Setting("grantType", "client_credentials or password (api v8)", "client_credentials");
    public static readonly ConnectionKey PathPrefixKey = ConnectionKey.Setting("apiPathPrefix", "path of the API under url ('/' for none)", "legacy");
    public static readonly ConnectionKey PhoneFieldsKey = ConnectionKey.PhoneFields();
    public static readonly ConnectionKey TableKey = ConnectionKey.Setting("table", "table of the module for v4_1 queries", "the module's table");
    public static readonly ConnectionKey PasswordSecret = ConnectionKey.Secret("password", "the user's password (with username)");
    public static readonly ConnectionKey ClientSecretKey = ConnectionKey.Secret("clientSecret", "OAuth2 client secret (api v8)");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "suitecrm",
        "SuiteCRM",
        [
            Url, ApiKey, Username, ApplicationNameKey, ConnectionKey.SessionMinutes, ClientIdKey, GrantTypeKey, PathPrefixKey, PhoneFieldsKey, TableKey,
            PasswordSecret, ClientSecretKey, ConnectionKey.DefaultRegion,
        ])
    {
        ConnectorType = typeof(SuiteCrmConnector),
    };

    public static IReadOnlyList<string> Problems(CrmConnection connection)
    {
        var reader = new ConnectionSettingsReader(connection);
        reader.HttpsUrl(Url, "the SuiteCRM URL, e.g. https://crm.example.com");
        var api = ParseApi(connection.Setting(ApiKey));
        if (api is null)
        {
            reader.Problem($"setting '{ApiKey}' must be 'v4_1' (SuiteCRM 7 legacy REST) or 'v8' (JSON:API)");
            return reader.Problems;
        }

        if (api == SuiteCrmApi.V4_1 || GrantOf(connection) == "password")
        {
            reader.Required(Username);
            reader.RequiredSecret(PasswordSecret);
        }

        if (api == SuiteCrmApi.V8)
        {
            if (GrantOf(connection) is not ("client_credentials" or "password"))
            {
                reader.Problem($"setting '{GrantTypeKey}' must be 'client_credentials' or 'password'");
            }

            reader.Required(ClientIdKey, "Admin > OAuth2 Clients and Tokens");
            reader.RequiredSecret(ClientSecretKey);
        }

        reader.SessionLifetime();
        return reader.Problems;
    }

    public static SuiteCrmSettings FromUsable(CrmConnection connection)
    {
        var root = CrmUrls.Parse(connection.RequiredSetting(Url), Url.Name, connection.Name);
        return new SuiteCrmSettings(
            new Uri(root, root.AbsolutePath.TrimEnd('/') + "/"),
            ParseApi(connection.Setting(ApiKey))!.Value,
            connection.Setting(Username),
            connection.Secret(PasswordSecret),
            connection.Setting(ApplicationNameKey) ?? ApplicationNameKey.Default!,
            new ConnectionSettingsReader(connection).SessionLifetime(),
            connection.Setting(ClientIdKey),
            connection.Secret(ClientSecretKey),
            GrantOf(connection),
            PrefixOf(connection),
            connection.Setting(PhoneFieldsKey),
            connection.Setting(TableKey));
    }

    /// <summary>The relative path of a JSON:API resource, e.g. <c>legacy/Api/V8/module/Contacts</c>.</summary>
    public Uri ApiUri(string pathAndQuery) => new(Root, PathPrefix.Length == 0 ? pathAndQuery : $"{PathPrefix}/{pathAndQuery}");

    private static SuiteCrmApi? ParseApi(string? value) => value?.ToLowerInvariant() switch
    {
        "v4_1" or "v4.1" or "7" or "legacy" => SuiteCrmApi.V4_1,
        "v8" or "8" or "jsonapi" => SuiteCrmApi.V8,
        _ => null,
    };

    private static string GrantOf(CrmConnection connection) => connection.Setting(GrantTypeKey)?.ToLowerInvariant() ?? "client_credentials";

    // SuiteCRM 8 serves the 7.x API under /legacy; 7.10+ serves it at the root. A setting of "/" means no prefix.
    private static string PrefixOf(CrmConnection connection) =>
        connection.Settings.TryGetValue(PathPrefixKey.Name, out var prefix) ? prefix.Trim().Trim('/') : PathPrefixKey.Default!;

    public override string ToString() => "SuiteCrmSettings (secrets hidden)";
}

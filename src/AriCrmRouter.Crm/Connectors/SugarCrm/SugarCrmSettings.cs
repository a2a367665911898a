namespace AriCrmRouter.Crm.Connectors.SugarCrm;

/// <summary>A SugarCRM connection's settings and secrets, read and checked once per lookup.</summary>
internal sealed record SugarCrmSettings(
    Uri ApiBase,
    string UserName,
    string Password,
    string Platform,
    string ClientId,
    string ClientSecret,
    string? PhoneFields) : ICheckedConnectorSettings<SugarCrmSettings>
{
    public static readonly ConnectionKey Url = ConnectionKey.RequiredSetting("url", "instance URL, e.g. https://acme.sugarondemand.com");
    public static readonly ConnectionKey ApiVersion = ConnectionKey.Setting("apiVersion", "REST API version, e.g. v11_24", "v11");
    public static readonly ConnectionKey Username = ConnectionKey.RequiredSetting("username", "the API user");
    public static readonly ConnectionKey PlatformKey = ConnectionKey.RequiredSetting("platform", "a platform registered in Admin > Configure API Platforms");
    public static readonly ConnectionKey ClientIdKey = ConnectionKey.Setting("clientId", "OAuth client id", "sugar");
    public static readonly ConnectionKey PhoneFieldsKey = ConnectionKey.PhoneFields();
    public static readonly ConnectionKey PasswordSecret = ConnectionKey.RequiredSecret("password", "the API user's password");
    public static readonly ConnectionKey ClientSecretKey = ConnectionKey.Secret("clientSecret", "OAuth client secret, when the client has one");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "sugarcrm",
        "SugarCRM",
        [Url, ApiVersion, Username, PlatformKey, ClientIdKey, PhoneFieldsKey, PasswordSecret, ClientSecretKey, ConnectionKey.DefaultRegion])
    {
        ConnectorType = typeof(SugarCrmConnector),
    };

    public static IReadOnlyList<string> Problems(CrmConnection connection)
    {
        var reader = new ConnectionSettingsReader(connection);
        reader.HttpsUrl(Url, "the instance URL, e.g. https://acme.sugarondemand.com");
        if (connection.Setting(ApiVersion) is { } version && !IsVersion(version))
        {
            reader.Problem($"setting '{ApiVersion}' must look like v11 or v11_24");
        }

        reader.Required(Username);
        reader.Required(PlatformKey, "a platform registered in Admin > Configure API Platforms");
        reader.RequiredSecret(PasswordSecret);
        return reader.Problems;
    }

    public static SugarCrmSettings FromUsable(CrmConnection connection)
    {
        var root = CrmUrls.Parse(connection.RequiredSetting(Url), Url.Name, connection.Name);
        var version = connection.Setting(ApiVersion) ?? ApiVersion.Default!;
        var apiBase = new Uri(root, $"{root.AbsolutePath.TrimEnd('/')}/rest/{version}/");
        return new SugarCrmSettings(
            apiBase,
            connection.RequiredSetting(Username),
            connection.RequiredSecret(PasswordSecret),
            connection.RequiredSetting(PlatformKey),
            connection.Setting(ClientIdKey) ?? ClientIdKey.Default!,
            connection.Secret(ClientSecretKey) ?? "",
            connection.Setting(PhoneFieldsKey));
    }

    private static bool IsVersion(string version) =>
        version.StartsWith('v') && version.Length > 1 && version[1..].All(c => char.IsAsciiDigit(c) || c == '_');

    public override string ToString() => "SugarCrmSettings (secrets hidden)";
}

namespace AriCrmRouter.Crm.Connectors.SugarCrm;

/// <summary>A SugarCRM connection's settings and secrets, read and checked once per lookup.</summary>
internal sealed record SugarCrmSettings(
    Uri ApiBase,
    string UserName,
    string Password,
    string Platform,
    string ClientId,
    string ClientSecret,
    string? PhoneFields) : IConnectorSettings<SugarCrmSettings>
{
    public static readonly ConnectionKey Url = ConnectionKey.RequiredSetting("url", "instance URL, e.g. https://acme.sugarondemand.com");
    public static readonly ConnectionKey ApiVersion = ConnectionKey.Setting("apiVersion", "REST API version, e.g. v11_24", "v11");
    public static readonly ConnectionKey Username = ConnectionKey.RequiredSetting("username", "the API user");
    public static readonly ConnectionKey PlatformKey = ConnectionKey.RequiredSetting("platform", "a platform registered in Admin > Configure API Platforms");
    public static readonly ConnectionKey ClientIdKey = ConnectionKey.Setting("clientId", "OAuth client id", "sugar");
    public static readonly ConnectionKey PhoneFieldsKey = ConnectionKey.Setting("phoneFields", "comma-separated phone fields", "the module's phone fields");
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
        ArgumentNullException.ThrowIfNull(connection);
        var problems = new List<string>();
        var url = connection.Setting(Url);
        if (url is null)
        {
            problems.Add($"setting '{Url}' is missing (the instance URL, e.g. https://acme.sugarondemand.com)");
        }
        else if (!CrmUrls.IsAllowed(url))
        {
            problems.Add($"setting '{Url}' must be an https URL");
        }

        if (connection.Setting(ApiVersion) is { } version && !IsVersion(version))
        {
            problems.Add($"setting '{ApiVersion}' must look like v11 or v11_24");
        }

        AddIfMissing(problems, connection.Setting(Username), $"setting '{Username}' is missing");
        AddIfMissing(problems, connection.Setting(PlatformKey), $"setting '{PlatformKey}' is missing (a platform registered in Admin > Configure API Platforms)");
        AddIfMissing(problems, connection.Secret(PasswordSecret), $"secret '{PasswordSecret}' is missing");
        return problems;
    }

    /// <summary>The settings when the connection is usable (<paramref name="problems"/> empty), otherwise <c>null</c>.</summary>
    public static SugarCrmSettings? Read(CrmConnection connection, out IReadOnlyList<string> problems)
    {
        problems = Problems(connection);
        return problems.Count == 0 ? FromUsable(connection) : null;
    }

    // Caller numbers are read with the connection's defaultRegion when the lookup asks (VendorClient.CallerForms).
    static SugarCrmSettings? IConnectorSettings<SugarCrmSettings>.Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems) =>
        Read(connection, out problems);

    private static SugarCrmSettings FromUsable(CrmConnection connection)
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

    private static void AddIfMissing(List<string> problems, string? value, string problem)
    {
        if (value is null)
        {
            problems.Add(problem);
        }
    }

    public override string ToString() => "SugarCrmSettings (secrets hidden)";
}

namespace AriCrmRouter.Crm.Connectors.Vtiger;

/// <summary>A Vtiger connection's settings and secrets, read and checked once per lookup.</summary>
internal sealed record VtigerSettings(Uri WebService, string UserName, string AccessKey, TimeSpan SessionLifetime, string? PhoneFields) : IConnectorSettings<VtigerSettings>
{
    public static readonly ConnectionKey Url = ConnectionKey.RequiredSetting("url", "the Vtiger URL, e.g. https://acme.od2.vtiger.com");
    public static readonly ConnectionKey Username = ConnectionKey.RequiredSetting("username", "the user the access key belongs to");
    public static readonly ConnectionKey SessionMinutes = ConnectionKey.Setting("sessionMinutes", "session lifetime in minutes (1-1440)", "20");
    public static readonly ConnectionKey PhoneFieldsKey = ConnectionKey.Setting("phoneFields", "comma-separated phone fields", "the module's phone fields");
    public static readonly ConnectionKey AccessKeySecret = ConnectionKey.RequiredSecret("accessKey", "My Preferences > Access Key");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "vtiger",
        "Vtiger CRM",
        [Url, Username, SessionMinutes, PhoneFieldsKey, AccessKeySecret, ConnectionKey.DefaultRegion])
    {
        ConnectorType = typeof(VtigerConnector),
    };

    public static IReadOnlyList<string> Problems(CrmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var problems = new List<string>();
        var url = connection.Setting(Url);
        if (url is null)
        {
            problems.Add($"setting '{Url}' is missing (the Vtiger URL, e.g. https://acme.od2.vtiger.com)");
        }
        else if (!CrmUrls.IsAllowed(url))
        {
            problems.Add($"setting '{Url}' must be an https URL");
        }

        if (connection.Setting(Username) is null)
        {
            problems.Add($"setting '{Username}' is missing");
        }

        if (connection.Secret(AccessKeySecret) is null)
        {
            problems.Add($"secret '{AccessKeySecret}' is missing (My Preferences > Access Key)");
        }

        if (connection.Setting(SessionMinutes) is { } minutes && (!int.TryParse(minutes, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 1440))
        {
            problems.Add($"setting '{SessionMinutes}' must be a whole number of minutes between 1 and 1440");
        }

        return problems;
    }

    /// <summary>The settings when the connection is usable (<paramref name="problems"/> empty), otherwise <c>null</c>.</summary>
    public static VtigerSettings? Read(CrmConnection connection, out IReadOnlyList<string> problems)
    {
        problems = Problems(connection);
        return problems.Count == 0 ? FromUsable(connection) : null;
    }

    // Caller numbers are read with the connection's defaultRegion when the lookup asks (VendorClient.CallerForms).
    static VtigerSettings? IConnectorSettings<VtigerSettings>.Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems) =>
        Read(connection, out problems);

    private static VtigerSettings FromUsable(CrmConnection connection)
    {

        var root = CrmUrls.Parse(connection.RequiredSetting(Url), Url.Name, connection.Name);
        var path = root.AbsolutePath.TrimEnd('/');
        var webService = path.EndsWith("/webservice.php", StringComparison.OrdinalIgnoreCase) ? new Uri(root, path) : new Uri(root, path + "/webservice.php");
        var minutes = connection.Setting(SessionMinutes) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : int.Parse(SessionMinutes.Default!, CultureInfo.InvariantCulture);
        return new VtigerSettings(
            webService,
            connection.RequiredSetting(Username),
            connection.RequiredSecret(AccessKeySecret),
            TimeSpan.FromMinutes(minutes),
            connection.Setting(PhoneFieldsKey));
    }

    public override string ToString() => "VtigerSettings (secrets hidden)";
}

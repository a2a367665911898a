namespace AriCrmRouter.Crm.Connectors.Vtiger;

/// <summary>A Vtiger connection's settings and secrets, read and checked once per lookup.</summary>
internal sealed record VtigerSettings(Uri WebService, string UserName, string AccessKey, TimeSpan SessionLifetime, string? PhoneFields) : ICheckedConnectorSettings<VtigerSettings>
{
    public static readonly ConnectionKey Url = ConnectionKey.RequiredSetting("url", "the Vtiger URL, e.g. https://acme.od2.vtiger.com");
    public static readonly ConnectionKey Username = ConnectionKey.RequiredSetting("username", "the user the access key belongs to");
    public static readonly ConnectionKey PhoneFieldsKey = ConnectionKey.PhoneFields();
    public static readonly ConnectionKey AccessKeySecret = ConnectionKey.RequiredSecret("accessKey", "My Preferences > Access Key");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "vtiger",
        "Vtiger CRM",
        [Url, Username, ConnectionKey.SessionMinutes, PhoneFieldsKey, AccessKeySecret, ConnectionKey.DefaultRegion])
    {
        ConnectorType = typeof(VtigerConnector),
    };

    public static IReadOnlyList<string> Problems(CrmConnection connection)
    {
        var reader = new ConnectionSettingsReader(connection);
        reader.HttpsUrl(Url, "the Vtiger URL, e.g. https://acme.od2.vtiger.com");
        reader.Required(Username);
        reader.RequiredSecret(AccessKeySecret, "My Preferences > Access Key");
        reader.SessionLifetime();
        return reader.Problems;
    }

    public static VtigerSettings FromUsable(CrmConnection connection)
    {
        var root = CrmUrls.Parse(connection.RequiredSetting(Url), Url.Name, connection.Name);
        var path = root.AbsolutePath.TrimEnd('/');
        var webService = path.EndsWith("/webservice.php", StringComparison.OrdinalIgnoreCase) ? new Uri(root, path) : new Uri(root, path + "/webservice.php");
        return new VtigerSettings(
            webService,
            connection.RequiredSetting(Username),
            connection.RequiredSecret(AccessKeySecret),
            new ConnectionSettingsReader(connection).SessionLifetime(),
            connection.Setting(PhoneFieldsKey));
    }

    public override string ToString() => "VtigerSettings (secrets hidden)";
}

namespace AriCrmRouter.Crm.Connectors.Dynamics;

/// <summary>
/// A Dynamics connection: which API (<c>webapi</c> = Dataverse / Dynamics 365 Web API, <c>odata2015</c> = the
/// CRM 2011-2015 OrganizationData.svc OData v2 endpoint), how to authenticate (OAuth client credentials
/// against Microsoft Entra ID or AD FS, or Basic for on-premises servers that allow it) and which fields hold
/// phone numbers.
/// </summary>
internal sealed record DynamicsSettings(
    Uri OrgUrl,
    string Api,
    string ApiVersion,
    string Auth,
    Uri? TokenUrl,
    string ClientId,
    string ClientSecret,
    string? Scope,
    string? Resource,
    string UserName,
    string Password,
    IReadOnlyList<string>? PhoneFields,
    string ChoiceLabels,
    string Region) : IConnectorSettings<DynamicsSettings>
{
    public const string WebApi = "webapi";
    public const string OData2015 = "odata2015";
    public const string ClientCredentials = "clientCredentials";
    public const string Basic = "basic";

    /// <summary>
    /// The longest URL-encoded <c>$filter</c> one request carries: Dataverse online accepts 32 KB URLs, an
    /// on-premises server behind IIS 2048 bytes of query string unless raised (<c>maxQueryString</c>).
    /// </summary>
    public int MaxFilterLength { get; init; } = OnPremisesFilterLength;

    public const int OnPremisesFilterLength = 1800;

    public const int OnlineFilterLength = 30000;

    public bool IsWebApi => Api == WebApi;

    public static readonly ConnectionKey OrgUrlKey = ConnectionKey.RequiredSetting("orgUrl", "organization URL, e.g. https://acme.crm.dynamics.com");
    public static readonly ConnectionKey ApiKey = ConnectionKey.Setting("api", $"{WebApi} (Dataverse Web API) or {OData2015} (CRM 2011-2015)", WebApi);
    public static readonly ConnectionKey ApiVersionKey = ConnectionKey.Setting("apiVersion", "Web API version", "9.2");
    public static readonly ConnectionKey AuthKey = ConnectionKey.Setting("auth", $"{ClientCredentials} (OAuth) or {Basic}", ClientCredentials);
    public static readonly ConnectionKey TokenUrlKey = ConnectionKey.Setting("tokenUrl", "OAuth token URL (AD FS), instead of authorityUrl + tenantId");
    public static readonly ConnectionKey AuthorityUrlKey = ConnectionKey.Setting("authorityUrl", "Entra ID authority", "https://login.microsoftonline.com");
    public static readonly ConnectionKey TenantIdKey = ConnectionKey.Setting("tenantId", "Entra tenant id or domain (without tokenUrl)");
    public static readonly ConnectionKey ClientIdKey = ConnectionKey.Setting("clientId", $"application (client) id (auth {ClientCredentials})");
    public static readonly ConnectionKey ClientSecretKey = ConnectionKey.Secret("clientSecret", $"client secret (auth {ClientCredentials})");
    public static readonly ConnectionKey ResourceKey = ConnectionKey.Setting("resource", "AD FS resource, instead of a scope");
    public static readonly ConnectionKey ScopeKey = ConnectionKey.Setting("scope", "OAuth scope", "<orgUrl>/.default");
    public static readonly ConnectionKey UserNameKey = ConnectionKey.Setting("username", $"user (auth {Basic})");
    public static readonly ConnectionKey PasswordKey = ConnectionKey.Secret("password", $"password (auth {Basic})");
    public static readonly ConnectionKey PhoneFieldsKey = ConnectionKey.Setting("phoneFields", "comma-separated phone fields", "the entity's telephone fields");
    public static readonly ConnectionKey ChoiceLabelsKey = ConnectionKey.Setting("choiceLabels", "auto, always or never: answer choice labels", "auto");
    public static readonly ConnectionKey MaxFilterLengthKey = ConnectionKey.Setting("maxFilterLength", "longest $filter of one request (500-30000)", "30000 online, 1800 on premises");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "dynamics",
        "Microsoft Dynamics 365 / CRM",
        [
            OrgUrlKey, ApiKey, ApiVersionKey, AuthKey, TokenUrlKey, AuthorityUrlKey, TenantIdKey, ClientIdKey, ClientSecretKey,
            ResourceKey, ScopeKey, UserNameKey, PasswordKey, PhoneFieldsKey, ChoiceLabelsKey, MaxFilterLengthKey, ConnectionKey.DefaultRegion,
        ])
    {
        ConnectorType = typeof(DynamicsConnector),
    };

    public static DynamicsSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var orgUrl = reader.RequiredUrl(OrgUrlKey);
        if (!orgUrl.AbsolutePath.EndsWith('/'))
        {
            orgUrl = new Uri(orgUrl.GetLeftPart(UriPartial.Path) + "/");
        }

        var api = reader.OneOf(ApiKey, WebApi, OData2015);
        var apiVersion = reader.Matching(ApiVersionKey, IsApiVersion, "a Web API version such as 9.2");
        var auth = reader.OneOf(AuthKey, ClientCredentials, Basic);
        Uri? tokenUrl = null;
        string clientId = "", clientSecret = "", userName = "", password = "";
        string? scope = null, resource = null;
        if (auth == ClientCredentials)
        {
            if (reader.Optional(TokenUrlKey) is not null)
            {
                tokenUrl = reader.Url(TokenUrlKey);
            }
            else
            {
                var authority = reader.RequiredUrl(AuthorityUrlKey);
                var tenant = reader.Matching(TenantIdKey, "", IsTenant, "the Entra tenant id or domain (or set 'tokenUrl')");
                tokenUrl = new Uri(authority, $"{tenant}/oauth2/v2.0/token");
            }

            clientId = reader.Required(ClientIdKey);
            clientSecret = reader.RequiredSecret(ClientSecretKey);
            resource = reader.Optional(ResourceKey);
            scope = resource is null ? reader.Optional(ScopeKey) ?? $"{orgUrl.GetLeftPart(UriPartial.Authority)}/.default" : null;
        }
        else
        {
            userName = reader.Required(UserNameKey);
            password = reader.RequiredSecret(PasswordKey);
        }

        var phoneFields = reader.NameList(PhoneFieldsKey, "field names");

        var choiceLabels = reader.OneOf(ChoiceLabelsKey, "auto", "always", "never");
        var online = orgUrl.Host.EndsWith(".dynamics.com", StringComparison.OrdinalIgnoreCase);
        var maxFilterLength = int.Parse(
            reader.Matching(MaxFilterLengthKey, (online ? OnlineFilterLength : OnPremisesFilterLength).ToString(System.Globalization.CultureInfo.InvariantCulture), IsFilterLength, "a whole number of characters between 500 and 30000"),
            System.Globalization.CultureInfo.InvariantCulture);
        var settings = new DynamicsSettings(
            orgUrl, api, apiVersion, auth, tokenUrl, clientId, clientSecret, scope, resource, userName, password, phoneFields, choiceLabels, reader.Region(serviceRegion))
        {
            MaxFilterLength = maxFilterLength,
        };
        problems = reader.Problems;
        return settings;
    }

    /// <summary>The configured phone fields, or the standard ones of the entity (logical names for the Web API, schema names for 2015).</summary>
    public IReadOnlyList<string> PhoneFieldsFor(string module)
    {
        if (PhoneFields is { } configured)
        {
            return configured;
        }

        var entity = module.ToLowerInvariant();
        string[] fields = entity switch
        {
            "contacts" or "contact" or "contactset" => ["telephone1", "mobilephone", "telephone2", "telephone3"],
            "leads" or "lead" or "leadset" => ["telephone1", "mobilephone"],
            "accounts" or "account" or "accountset" => ["telephone1", "telephone2", "telephone3"],
            _ => ["telephone1"],
        };
        return IsWebApi ? fields : [.. fields.Select(SchemaName)];
    }

    private static string SchemaName(string logicalName) => logicalName switch
    {
        "telephone1" => "Telephone1",
        "telephone2" => "Telephone2",
        "telephone3" => "Telephone3",
        "mobilephone" => "MobilePhone",
        _ => logicalName,
    };

    private static bool IsApiVersion(string value) =>
        value.Length is >= 3 and <= 5 && value.Split('.') is [var major, var minor] && major.Length > 0 && minor.Length > 0 && major.All(char.IsAsciiDigit) && minor.All(char.IsAsciiDigit);

    private static bool IsFilterLength(string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) && length is >= 500 and <= 30000;

    private static bool IsTenant(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}

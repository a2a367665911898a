using AriCrmRouter.Crm.Connectors.Shared;

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
    string Region)
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

    public static DynamicsSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var orgUrl = reader.RequiredUrl("orgUrl");
        if (!orgUrl.AbsolutePath.EndsWith('/'))
        {
            orgUrl = new Uri(orgUrl.GetLeftPart(UriPartial.Path) + "/");
        }

        var api = reader.Choice("api", WebApi, WebApi, OData2015);
        var apiVersion = reader.Matching("apiVersion", "9.2", IsApiVersion, "a Web API version such as 9.2");
        var auth = reader.Choice("auth", ClientCredentials, ClientCredentials, Basic);
        Uri? tokenUrl = null;
        string clientId = "", clientSecret = "", userName = "", password = "";
        string? scope = null, resource = null;
        if (auth == ClientCredentials)
        {
            if (reader.Optional("tokenUrl") is not null)
            {
                tokenUrl = reader.Url("tokenUrl");
            }
            else
            {
                var authority = reader.RequiredUrl("authorityUrl", "https://login.microsoftonline.com");
                var tenant = reader.Matching("tenantId", "", IsTenant, "the Entra tenant id or domain (or set 'tokenUrl')");
                tokenUrl = new Uri(authority, $"{tenant}/oauth2/v2.0/token");
            }

            clientId = reader.Required("clientId");
            clientSecret = reader.RequiredSecret("clientSecret");
            resource = reader.Optional("resource");
            scope = resource is null ? reader.Optional("scope") ?? $"{orgUrl.GetLeftPart(UriPartial.Authority)}/.default" : null;
        }
        else
        {
            userName = reader.Required("username");
            password = reader.RequiredSecret("password");
        }

        string[]? phoneFields = null;
        if (reader.Optional("phoneFields") is { } list)
        {
            phoneFields = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (phoneFields.Length == 0 || !phoneFields.All(ApiNames.IsIdentifier))
            {
                reader.Problem("setting 'phoneFields' must be a comma-separated list of field names");
            }
        }

        var choiceLabels = reader.Choice("choiceLabels", "auto", "auto", "always", "never");
        var online = orgUrl.Host.EndsWith(".dynamics.com", StringComparison.OrdinalIgnoreCase);
        var maxFilterLength = int.Parse(
            reader.Matching("maxFilterLength", (online ? OnlineFilterLength : OnPremisesFilterLength).ToString(System.Globalization.CultureInfo.InvariantCulture), IsFilterLength, "a whole number of characters between 500 and 30000"),
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

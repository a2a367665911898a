using AriCrmRouter.Crm.Connectors.Shared;

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
    string Region)
{
    public static readonly string[] DataCenters = ["com", "eu", "in", "com.au", "jp", "com.cn", "ca", "sa", "uk", "ae"];

    public static ZohoSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var dataCenter = reader.Choice("dataCenter", "com", DataCenters);
        var accountsUrl = reader.RequiredUrl("accountsUrl", AccountsHost(dataCenter));
        var apiDomain = reader.Url("apiDomain");
        var apiVersion = reader.Matching("apiVersion", "v8", IsApiVersion, "a Zoho API version such as v8");
        var settings = new ZohoSettings(
            accountsUrl,
            apiDomain,
            apiVersion,
            reader.Required("clientId"),
            reader.RequiredSecret("clientSecret"),
            reader.RequiredSecret("refreshToken"),
            reader.Region(serviceRegion));
        problems = reader.Problems;
        return settings;
    }

    /// <summary>The API domain used until a token answer names one (and always, when <c>apiDomain</c> is set).</summary>
    public static Uri DefaultApiDomain(CrmConnection connection) =>
        new(ApiHost(connection.Setting("dataCenter")?.ToLowerInvariant() ?? "com"));

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

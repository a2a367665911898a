using System.Globalization;
using AriCrmRouter.Crm.Connectors.Shared;

namespace AriCrmRouter.Crm.Connectors.Salesforce;

/// <summary>
/// A Salesforce connection: the login host (production, sandbox or My Domain), the REST API version and
/// the OAuth grant. Salesforce tokens carry no lifetime; <c>sessionLifetimeMinutes</c> (the org's session
/// timeout) lets the connector refresh ahead of expiry instead of only after a rejection.
/// </summary>
internal sealed record SalesforceSettings(
    Uri LoginUrl,
    Uri? InstanceUrl,
    string ApiVersion,
    string GrantType,
    string ClientId,
    string ClientSecret,
    string? RefreshToken,
    TimeSpan? SessionLifetime,
    string Region)
{
    public const string RefreshTokenGrant = "refresh_token";
    public const string ClientCredentialsGrant = "client_credentials";

    public static SalesforceSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var loginUrl = reader.RequiredUrl("loginUrl", "https://login.salesforce.com");
        var instanceUrl = reader.Url("instanceUrl");
        var apiVersion = reader.Matching("apiVersion", "62.0", IsApiVersion, "a REST API version such as 62.0");
        var defaultGrant = connection.Secret("refreshToken") is null ? ClientCredentialsGrant : RefreshTokenGrant;
        var grant = reader.Choice("grantType", defaultGrant, RefreshTokenGrant, ClientCredentialsGrant);
        var clientId = reader.Required("clientId");
        var clientSecret = reader.RequiredSecret("clientSecret");
        var refreshToken = grant == RefreshTokenGrant ? reader.RequiredSecret("refreshToken") : null;
        var lifetimeText = reader.Matching("sessionLifetimeMinutes", "0", IsMinutes, "a whole number of minutes between 0 and 1440");
        var minutes = int.Parse(lifetimeText, CultureInfo.InvariantCulture);
        var settings = new SalesforceSettings(
            loginUrl,
            instanceUrl,
            apiVersion.TrimStart('v'),
            grant,
            clientId,
            clientSecret,
            refreshToken,
            minutes > 0 ? TimeSpan.FromMinutes(minutes) : null,
            reader.Region(serviceRegion));
        problems = reader.Problems;
        return settings;
    }

    private static bool IsApiVersion(string value)
    {
        var number = value.TrimStart('v');
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        return dot is >= 2 and <= 3 && number.Length == dot + 2 && number.Remove(dot, 1).All(char.IsAsciiDigit);
    }

    private static bool IsMinutes(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is >= 0 and <= 1440;
}

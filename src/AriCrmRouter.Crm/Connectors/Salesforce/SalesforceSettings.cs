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
    string Region) : IConnectorSettings<SalesforceSettings>
{
    public const string RefreshTokenGrant = "refresh_token";
    public const string ClientCredentialsGrant = "client_credentials";

    public static readonly ConnectionKey LoginUrlKey = ConnectionKey.Setting("loginUrl", "login host: production, test.salesforce.com or My Domain", "https://login.salesforce.com");
    public static readonly ConnectionKey InstanceUrlKey = ConnectionKey.Setting("instanceUrl", "API host, overrides the token answer's instance_url");
    public static readonly ConnectionKey ApiVersionKey = ConnectionKey.Setting("apiVersion", "REST API version", "62.0");
    public static readonly ConnectionKey GrantTypeKey = ConnectionKey.Setting("grantType", $"{RefreshTokenGrant} or {ClientCredentialsGrant}", $"{RefreshTokenGrant} when refreshToken is set, else {ClientCredentialsGrant}");
    public static readonly ConnectionKey ClientIdKey = ConnectionKey.RequiredSetting("clientId", "connected app consumer key");
    public static readonly ConnectionKey ClientSecretKey = ConnectionKey.RequiredSecret("clientSecret", "connected app consumer secret");
    public static readonly ConnectionKey RefreshTokenKey = ConnectionKey.Secret("refreshToken", $"OAuth refresh token (grant {RefreshTokenGrant})");
    public static readonly ConnectionKey SessionLifetimeKey = ConnectionKey.Setting("sessionLifetimeMinutes", "the org's session timeout, to refresh ahead of expiry (0: on rejection only)", "0");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "salesforce",
        "Salesforce",
        [LoginUrlKey, InstanceUrlKey, ApiVersionKey, GrantTypeKey, ClientIdKey, ClientSecretKey, RefreshTokenKey, SessionLifetimeKey, ConnectionKey.DefaultRegion])
    {
        ConnectorType = typeof(SalesforceConnector),
    };

    public static SalesforceSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var loginUrl = reader.RequiredUrl(LoginUrlKey);
        var instanceUrl = reader.Url(InstanceUrlKey);
        var apiVersion = reader.Matching(ApiVersionKey, IsApiVersion, "a REST API version such as 62.0");
        var defaultGrant = connection.Secret(RefreshTokenKey) is null ? ClientCredentialsGrant : RefreshTokenGrant;
        var grant = reader.Choice(GrantTypeKey, defaultGrant, RefreshTokenGrant, ClientCredentialsGrant);
        var clientId = reader.Required(ClientIdKey);
        var clientSecret = reader.RequiredSecret(ClientSecretKey);
        var refreshToken = grant == RefreshTokenGrant ? reader.RequiredSecret(RefreshTokenKey) : null;
        var lifetimeText = reader.Matching(SessionLifetimeKey, IsMinutes, "a whole number of minutes between 0 and 1440");
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

using AriCrmRouter.Crm.Connectors.Shared;

namespace AriCrmRouter.Crm.Connectors.HubSpot;

/// <summary>
/// A HubSpot connection: a private app token (<c>accessToken</c>, never expires) or an OAuth app
/// (<c>clientId</c> + <c>clientSecret</c> + <c>refreshToken</c>), and which properties hold phone numbers.
/// </summary>
internal sealed record HubSpotSettings(
    Uri BaseUrl,
    Uri TokenUrl,
    string? PrivateAppToken,
    string ClientId,
    string ClientSecret,
    string RefreshToken,
    IReadOnlyList<string>? PhoneProperties,
    bool OptionLabels,
    string Region)
{
    public bool UsesOAuth => PrivateAppToken is null;

    public static HubSpotSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var baseUrl = reader.RequiredUrl("baseUrl", "https://api.hubapi.com");
        var tokenUrl = reader.RequiredUrl("tokenUrl", new Uri(baseUrl, "oauth/v3/token").ToString());
        var privateAppToken = reader.OptionalSecret("accessToken");
        string clientId = "", clientSecret = "", refreshToken = "";
        if (privateAppToken is null)
        {
            if (connection.Setting("clientId") is null && connection.Secret("refreshToken") is null)
            {
                reader.Problem("secret 'accessToken' (private app token) is missing, or set 'clientId' with secrets 'clientSecret' and 'refreshToken' for OAuth");
            }
            else
            {
                clientId = reader.Required("clientId");
                clientSecret = reader.RequiredSecret("clientSecret");
                refreshToken = reader.RequiredSecret("refreshToken");
            }
        }

        string[]? phoneProperties = null;
        if (reader.Optional("phoneProperties") is { } list)
        {
            phoneProperties = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (phoneProperties.Length == 0 || !phoneProperties.All(ApiNames.IsIdentifier))
            {
                reader.Problem("setting 'phoneProperties' must be a comma-separated list of property names");
            }
        }

        var optionLabels = reader.Choice("optionLabels", "false", "true", "false") == "true";
        var settings = new HubSpotSettings(baseUrl, tokenUrl, privateAppToken, clientId, clientSecret, refreshToken, phoneProperties, optionLabels, reader.Region(serviceRegion));
        problems = reader.Problems;
        return settings;
    }

    /// <summary>The configured phone properties, or HubSpot's standard ones for the object.</summary>
    public IReadOnlyList<string> PhonePropertiesFor(string module) =>
        PhoneProperties ?? (string.Equals(module, "contacts", StringComparison.OrdinalIgnoreCase) ? ["phone", "mobilephone"] : ["phone"]);
}

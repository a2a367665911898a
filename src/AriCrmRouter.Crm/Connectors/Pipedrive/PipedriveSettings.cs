using AriCrmRouter.Crm.Connectors.Shared;

namespace AriCrmRouter.Crm.Connectors.Pipedrive;

/// <summary>
/// A Pipedrive connection: an API token (sent in the <c>x-api-token</c> header) or an OAuth app
/// (<c>clientId</c> + <c>clientSecret</c> + <c>refreshToken</c>), and the company's API domain.
/// </summary>
internal sealed record PipedriveSettings(
    Uri BaseUrl,
    Uri TokenUrl,
    string? ApiToken,
    string ClientId,
    string ClientSecret,
    string RefreshToken,
    string Region)
{
    public static PipedriveSettings Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        var reader = new ConnectionSettingsReader(connection);
        var baseUrl = reader.RequiredUrl("baseUrl", "https://api.pipedrive.com");
        var tokenUrl = reader.RequiredUrl("tokenUrl", "https://oauth.pipedrive.com/oauth/token");
        var apiToken = reader.OptionalSecret("apiToken");
        string clientId = "", clientSecret = "", refreshToken = "";
        if (apiToken is null)
        {
            if (connection.Setting("clientId") is null && connection.Secret("refreshToken") is null)
            {
                reader.Problem("secret 'apiToken' is missing, or set 'clientId' with secrets 'clientSecret' and 'refreshToken' for OAuth");
            }
            else
            {
                clientId = reader.Required("clientId");
                clientSecret = reader.RequiredSecret("clientSecret");
                refreshToken = reader.RequiredSecret("refreshToken");
            }
        }

        var settings = new PipedriveSettings(baseUrl, tokenUrl, apiToken, clientId, clientSecret, refreshToken, reader.Region(serviceRegion));
        problems = reader.Problems;
        return settings;
    }
}

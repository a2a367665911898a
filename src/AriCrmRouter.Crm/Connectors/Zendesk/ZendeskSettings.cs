namespace AriCrmRouter.Crm.Connectors.Zendesk;

/// <summary>A Zendesk Support connection's settings and secrets, read and checked once per lookup.</summary>
internal sealed record ZendeskSettings(Uri ApiBase, AuthenticationHeaderValue Authorization) : ICheckedConnectorSettings<ZendeskSettings>
{
    public static readonly ConnectionKey Url = ConnectionKey.Setting("url", "Zendesk URL (instead of subdomain)", "https://<subdomain>.zendesk.com");
    public static readonly ConnectionKey Subdomain = ConnectionKey.Setting("subdomain", "e.g. acme for acme.zendesk.com (or set url)");
    public static readonly ConnectionKey Email = ConnectionKey.Setting("email", "the agent the API token authenticates as (with apiToken)");
    public static readonly ConnectionKey ApiTokenSecret = ConnectionKey.Secret("apiToken", "API token (with email), or use oauthToken");
    public static readonly ConnectionKey OAuthTokenSecret = ConnectionKey.Secret("oauthToken", "OAuth access token, or use apiToken");

    public static CrmConnectorDescriptor Descriptor { get; } = new(
        "zendesk",
        "Zendesk Support",
        [Url, Subdomain, Email, ApiTokenSecret, OAuthTokenSecret, ConnectionKey.DefaultRegion])
    {
        ConnectorType = typeof(ZendeskConnector),
    };

    public static IReadOnlyList<string> Problems(CrmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var problems = new List<string>();
        var url = connection.Setting(Url);
        var subdomain = connection.Setting(Subdomain);
        if (url is null && subdomain is null)
        {
            problems.Add($"setting '{Subdomain}' (e.g. acme for acme.zendesk.com) or '{Url}' is missing");
        }
        else if (url is not null && !CrmUrls.IsAllowed(url))
        {
            problems.Add($"setting '{Url}' must be an https URL");
        }
        else if (url is null && !subdomain!.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            problems.Add($"setting '{Subdomain}' must be the bare subdomain (letters, digits, '-')");
        }

        var apiToken = connection.Secret(ApiTokenSecret);
        var oauthToken = connection.Secret(OAuthTokenSecret);
        if (apiToken is null && oauthToken is null)
        {
            problems.Add($"secret '{ApiTokenSecret}' (with setting '{Email}') or secret '{OAuthTokenSecret}' is missing");
        }
        else if (apiToken is not null && connection.Setting(Email) is null)
        {
            problems.Add($"setting '{Email}' is missing (the agent the API token authenticates as)");
        }

        return problems;
    }

    public static ZendeskSettings FromUsable(CrmConnection connection)
    {
        var root = connection.Setting(Url) is { } url
            ? CrmUrls.Parse(url, Url.Name, connection.Name)
            : CrmUrls.Parse($"https://{connection.RequiredSetting(Subdomain)}.zendesk.com", Subdomain.Name, connection.Name);
        var apiBase = new Uri(root, root.AbsolutePath.TrimEnd('/') + "/api/v2/");
        var authorization = connection.Secret(ApiTokenSecret) is { } apiToken
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{connection.RequiredSetting(Email)}/token:{apiToken}")))
            : new AuthenticationHeaderValue("Bearer", connection.RequiredSecret(OAuthTokenSecret));
        return new ZendeskSettings(apiBase, authorization);
    }

    public override string ToString() => $"Zendesk {ApiBase.Host} (credentials hidden)";
}

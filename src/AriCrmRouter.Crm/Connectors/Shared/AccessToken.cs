namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// A bearer-style credential and the API base the CRM told us to use with it. <see cref="ToString"/>
/// never shows the token.
/// </summary>
internal sealed class AccessToken(string value, DateTimeOffset? expiresAt, Uri? apiBase = null) : IExpiringCredential
{
    public string Value { get; } = value;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    /// <summary>Where the CRM's API lives for this token (Zoho api_domain, Salesforce instance_url, Pipedrive api_domain).</summary>
    public Uri? ApiBase { get; } = apiBase;

    public override string ToString() => $"access token (expires {ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "when rejected"})";
}

namespace AriCrmRouter.Crm.Connectors.Zendesk;

/// <summary>
/// Zendesk API tokens and OAuth access tokens do not expire on a schedule and cannot be refreshed; the
/// cached header is rebuilt from the connection once when Zendesk answers 401 (the secret may have been
/// rotated in the store meanwhile), and a second 401 is final.
/// </summary>
internal sealed class ZendeskCredential(AuthenticationHeaderValue authorization) : IExpiringCredential
{
    public AuthenticationHeaderValue Authorization { get; } = authorization;

    public DateTimeOffset? ExpiresAt => null;

    public override string ToString() => "Zendesk credential (hidden)";
}

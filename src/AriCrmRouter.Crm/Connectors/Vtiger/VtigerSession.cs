namespace AriCrmRouter.Crm.Connectors.Vtiger;

/// <summary>A Vtiger webservice session (<c>sessionName</c> from <c>login</c>).</summary>
internal sealed class VtigerSession(string sessionName, DateTimeOffset? expiresAt) : IExpiringCredential
{
    public string SessionName { get; } = sessionName;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public override string ToString() => "Vtiger session (hidden)";
}

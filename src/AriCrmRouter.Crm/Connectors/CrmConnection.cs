namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// A named connection to one CRM account: the vendor (<see cref="Kind"/>, e.g. <c>zoho</c>), plain settings
/// (region, URLs, client id, user name) and secrets (passwords, tokens, client secrets).
/// Secrets are never part of <see cref="ToString"/>, logs or exceptions.
/// </summary>
public sealed record CrmConnection(
    string Name,
    string Kind,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, string> Secrets)
{
    public string? Setting(string key) =>
        Settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string? Secret(string key) =>
        Secrets.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public string RequiredSetting(string key) =>
        Setting(key) ?? throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{Name}' has no setting '{key}'");

    public string RequiredSecret(string key) =>
        Secret(key) ?? throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{Name}' has no secret '{key}'");

    public string? Setting(ConnectionKey key) => Setting(KeyName(key));

    public string? Secret(ConnectionKey key) => Secret(KeyName(key));

    public string RequiredSetting(ConnectionKey key) => RequiredSetting(KeyName(key));

    public string RequiredSecret(ConnectionKey key) => RequiredSecret(KeyName(key));

    public override string ToString() =>
        $"{Name} ({Kind}; settings: {string.Join(", ", Settings.Keys.Order(StringComparer.Ordinal))}; secrets: {Secrets.Count} hidden)";

    private static string KeyName(ConnectionKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Name;
    }
}

namespace AriCrmRouter.Crm.Http;

/// <summary>
/// Reads a CRM URL from configuration. CRMs are called over https only; plain http is accepted for
/// loopback hosts so that local fakes and development servers work.
/// </summary>
public static class CrmUrls
{
    public static Uri Parse(string value, string settingName, string connectionName)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri))
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': setting '{settingName}' is not an absolute URL");
        }

        if (!IsAllowed(uri))
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': setting '{settingName}' must be an https URL");
        }

        return uri;
    }

    /// <summary>Whether <paramref name="value"/> is an absolute URL that CRMs may be called at (for settings checks).</summary>
    public static bool IsAllowed(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && IsAllowed(uri);

    public static bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}

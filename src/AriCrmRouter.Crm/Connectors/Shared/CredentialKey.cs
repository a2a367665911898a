using System.Security.Cryptography;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// The credential cache key of a connection: its name plus a fingerprint of its settings and secrets, so
/// that editing a connection (another account, a rotated secret) never reuses a token obtained with the old
/// values. The fingerprint is a truncated SHA-256 and is never logged.
/// </summary>
internal static class CredentialKey
{
    public static string For(CrmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var material = new StringBuilder().Append(connection.Kind).Append('\0');
        foreach (var (key, value) in connection.Settings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            material.Append("s:").Append(key).Append('=').Append(value).Append('\0');
        }

        foreach (var (key, value) in connection.Secrets.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            material.Append("x:").Append(key).Append('=').Append(value).Append('\0');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString()));
        return connection.Name + "#" + Convert.ToHexString(hash, 0, 12);
    }
}

using Microsoft.AspNetCore.DataProtection;

namespace AriCrmRouter.Web.Security;

/// <summary>
/// The Data Protection keys that sign and encrypt the login and antiforgery cookies, kept in the configured
/// <see cref="WebAdminOptions.DataProtectionKeysPath"/>: not in a per-user default that a service account may
/// not have (logins would then die with every restart), and under a fixed application name so that moving the
/// installation does not invalidate them. The directory is made readable by its owner only: on Linux the keys
/// are stored unencrypted.
/// </summary>
internal static class CookieKeyStorage
{
    public const string ApplicationName = "crmrouter-web";

    public static void AddCookieKeyStorage(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        var path = builder.Configuration[$"{WebAdminOptions.SectionName}:{nameof(WebAdminOptions.DataProtectionKeysPath)}"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return; // WebAdminOptions' validation stops the start with the setting's name.
        }

        dataProtection.PersistKeysToFileSystem(OwnerOnlyDirectory(Path.GetFullPath(path)));
    }

    private static DirectoryInfo OwnerOnlyDirectory(string path)
    {
        if (Directory.Exists(path) || OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        return Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}

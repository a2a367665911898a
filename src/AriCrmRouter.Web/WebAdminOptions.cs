using System.ComponentModel.DataAnnotations;

namespace AriCrmRouter.Web;

/// <summary>The <c>Web</c> settings of crmrouter-web (TLS and addresses are Kestrel's own settings: see docs/admin-web.md).</summary>
public sealed class WebAdminOptions
{
    public const string SectionName = "Web";

    /// <summary>Where to listen when no <c>--urls</c> / <c>ASPNETCORE_URLS</c> / Kestrel endpoint is configured: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Failed logins (per account name and per client address) before logins are refused for <see cref="LoginLockout"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long logins stay refused after too many failures.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan LoginLockout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a login lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The directory of the keys that protect the login and antiforgery cookies (created owner-only when missing).
    /// Required: logins must survive a restart, and the keys must not land in some user's home directory.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string? DataProtectionKeysPath { get; set; }

    /// <summary>Behave as a router with <c>Routing:VoicemailWhenNotSet=true</c> when simulating.</summary>
    public bool VoicemailWhenNotSet { get; set; }
}

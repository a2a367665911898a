using System.ComponentModel.DataAnnotations;

namespace AriCrmRouter.Ari;

/// <summary>
/// One Asterisk the router serves: an entry of <c>Ari:Servers</c>. The application name and the timeouts are the
/// <see cref="AriOptions"/> ones, the same for every server.
/// </summary>
public sealed class AriServerOptions
{
    /// <summary>The name of the one server a configuration without <c>Ari:Servers</c> describes (<c>Ari:BaseUrl</c>).</summary>
    public const string DefaultName = "default";

    /// <summary>A short id that names the server in logs, metrics, Redis keys and the Recent calls screen.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]+$")]
    public string Name { get; set; } = "";

    /// <summary>Base URL of this server's ARI, e.g. <c>http://10.0.0.21:8088/ari</c>.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>Empty: the top-level <c>Ari:Username</c>.</summary>
    public string Username { get; set; } = "";

    /// <summary>Sent only in the Authorization header; never logged. Empty: the top-level <c>Ari:Password</c>.</summary>
    public string Password { get; set; } = "";

    public override string ToString() => $"{Name}: {Username}@{BaseUrl}";
}

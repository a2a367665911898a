using System.ComponentModel.DataAnnotations;

namespace AriCrmRouter.Ari;

/// <summary>
/// Where Asterisk's ARI is and how to log in. Bound from the <c>Ari</c> configuration section: either one server
/// (<see cref="BaseUrl"/>, <see cref="Username"/>, <see cref="Password"/>, named <c>default</c>) or a list of them
/// (<see cref="Servers"/>), never both; <see cref="Username"/> and <see cref="Password"/> are the credentials of every
/// listed server that gives none. The application name and the timeouts apply to every server.
/// </summary>
public sealed class AriOptions : IValidatableObject
{
    public const string SectionName = "Ari";

    private static readonly Uri DefaultBaseUrl = new("http://127.0.0.1:8088/ari");

    private const string DefaultUsername = "crmrouter";

    private Uri? _baseUrl;
    private string? _username;

    /// <summary>Base URL of ARI, e.g. <c>http://127.0.0.1:8088/ari</c> (the default) when the router serves one server.</summary>
    [Required]
    public Uri BaseUrl
    {
        get => _baseUrl ?? DefaultBaseUrl;

        // The binder may write back the value it read: only another URL counts as given (see Validate).
        set => _baseUrl = ReferenceEquals(value, DefaultBaseUrl) ? null : value;
    }

    /// <summary>The ARI user (<c>ari.conf</c>), <c>crmrouter</c> unless given, when the router serves one server.</summary>
    public string Username
    {
        get => _username ?? DefaultUsername;
        set => _username = ReferenceEquals(value, DefaultUsername) ? null : value;
    }

    /// <summary>Sent only in the Authorization header; never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// The Asterisk servers this router serves, each with its own name, URL and credentials; empty: the one server
    /// given by <see cref="BaseUrl"/>, <see cref="Username"/> and <see cref="Password"/>.
    /// </summary>
    [ValidateEnumeratedItems]
    public IList<AriServerOptions> Servers { get; private set; } = [];

    /// <summary>The server these options describe once split per server (<see cref="ForServer"/>); not configured.</summary>
    public string ServerName { get; private set; } = AriServerOptions.DefaultName;

    /// <summary>The Stasis application name the dialplan uses: <c>Stasis(crmrouter)</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]+$")]
    public string Application { get; set; } = "crmrouter";

    /// <summary>Timeout of one REST command.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First reconnect delay; doubles (with jitter) up to <see cref="MaxReconnectDelay"/>, forever.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest reconnect delay; a connection that held at least this long starts the backoff again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one websocket connect (TCP + upgrade) may take. A port that accepts but never answers
    /// must count as a failed attempt, not hang the connection loop.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Websocket keep-alive ping interval (replaces Websocket.Client's idle-reconnect timer).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The servers to serve: <see cref="Servers"/> (a server that gives no username or password uses the top-level
    /// <see cref="Username"/> and <see cref="Password"/>, the usual case of one ARI user on every Asterisk), or the one
    /// server of the top-level settings, named <c>default</c>.
    /// </summary>
    public IReadOnlyList<AriServerOptions> EffectiveServers() => Servers.Count > 0
        ? [.. Servers.Select(WithSharedCredentials)]
        : [new AriServerOptions { Name = AriServerOptions.DefaultName, BaseUrl = BaseUrl, Username = Username, Password = Password }];

    private AriServerOptions WithSharedCredentials(AriServerOptions server) => new()
    {
        Name = server.Name,
        BaseUrl = server.BaseUrl,
        Username = string.IsNullOrEmpty(server.Username) ? Username : server.Username,
        Password = string.IsNullOrEmpty(server.Password) ? Password : server.Password,
    };

    /// <summary>
    /// These options for one server: its name, URL and credentials with everything else shared (a member-wise copy, so
    /// a setting added later is shared too).
    /// </summary>
    public AriOptions ForServer(AriServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var copy = (AriOptions)MemberwiseClone();
        copy.ServerName = server.Name;
        copy._baseUrl = server.BaseUrl ?? throw new ArgumentException($"ARI server '{server.Name}' has no BaseUrl.", nameof(server));
        var credentials = WithSharedCredentials(server);
        copy.Username = credentials.Username;
        copy.Password = credentials.Password;
        copy.Servers = [];
        return copy;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Servers.Count == 0)
        {
            if (string.IsNullOrEmpty(Username))
            {
                yield return new ValidationResult("Ari:Username is required (or list the servers under Ari:Servers)", [nameof(Username)]);
            }

            if (string.IsNullOrEmpty(Password))
            {
                yield return new ValidationResult("Ari:Password is required (or list the servers under Ari:Servers)", [nameof(Password)]);
            }

            yield break;
        }

        if (_baseUrl is not null)
        {
            yield return new ValidationResult(
                "Ari:Servers and Ari:BaseUrl are both given: give each Asterisk's BaseUrl under Ari:Servers (Name, BaseUrl, "
                + "and Username/Password unless the top-level Ari:Username/Password serve every server) and remove Ari:BaseUrl",
                [nameof(Servers)]);
        }

        var effective = EffectiveServers();
        for (var i = 0; i < effective.Count; i++)
        {
            if (string.IsNullOrEmpty(effective[i].Username))
            {
                yield return new ValidationResult($"Ari:Servers:{i}:Username is required (or Ari:Username for every server)", [nameof(Servers)]);
            }

            if (string.IsNullOrEmpty(effective[i].Password))
            {
                yield return new ValidationResult($"Ari:Servers:{i}:Password is required (or Ari:Password for every server)", [nameof(Servers)]);
            }
        }

        foreach (var name in Servers.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return new ValidationResult($"Ari:Servers names must be unique: '{name}' is given more than once", [nameof(Servers)]);
        }
    }

    public override string ToString() => $"{Username}@{BaseUrl} app={Application}";
}

/// <summary>Validates <see cref="AriOptions"/> on start (source-generated, no reflection).</summary>
[OptionsValidator]
public sealed partial class AriOptionsValidator : IValidateOptions<AriOptions>;

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Ari;

/// <summary>Where Asterisk's ARI is and how to log in. Bound from the <c>Ari</c> configuration section.</summary>
public sealed class AriOptions
{
    public const string SectionName = "Ari";

    /// <summary>Base URL of ARI, e.g. <c>http://127.0.0.1:8088/ari</c>.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8088/ari");

    [Required]
    public string Username { get; set; } = "";

    /// <summary>Sent only in the Authorization header; never logged.</summary>
    [Required]
    public string Password { get; set; } = "";

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

    public override string ToString() => $"{Username}@{BaseUrl} app={Application}";
}

/// <summary>Validates <see cref="AriOptions"/> on start (source-generated, no reflection).</summary>
[OptionsValidator]
public sealed partial class AriOptionsValidator : IValidateOptions<AriOptions>;

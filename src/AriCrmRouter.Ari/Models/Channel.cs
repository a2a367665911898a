namespace AriCrmRouter.Ari.Models;

/// <summary>An ARI channel (<c>GET /channels/{id}</c>, and inside channel events).</summary>
/// <remarks>
/// Init accessors turn null into the default: for types with required members the source-generated
/// deserializer passes null for every member missing from the JSON, and optional members must stay non-null.
/// </remarks>
public sealed record Channel
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public string Name { get; init => field = value ?? ""; } = "";

    /// <summary>Down, Rsrved, OffHook, Dialing, Ring, Ringing, Up, Busy, Dialing Offhook, Pre-ring, Unknown.</summary>
    [JsonPropertyName("state")]
    public string State { get; init => field = value ?? ""; } = "";

    [JsonPropertyName("caller")]
    public CallerId Caller { get; init => field = value ?? new(); } = new();

    [JsonPropertyName("connected")]
    public CallerId Connected { get; init => field = value ?? new(); } = new();

    [JsonPropertyName("dialplan")]
    public DialplanLocation Dialplan { get; init => field = value ?? new(); } = new();

    [JsonPropertyName("creationtime")]
    public string? CreationTime { get; init; }

    [JsonPropertyName("language")]
    public string? Language { get; init; }
}

public sealed record CallerId
{
    [JsonPropertyName("name")]
    public string Name { get; init => field = value ?? ""; } = "";

    [JsonPropertyName("number")]
    public string Number { get; init => field = value ?? ""; } = "";
}

/// <summary>
/// Where the channel is in the dialplan; while in Stasis, <see cref="AppName"/> is the application that put it there
/// (<c>Stasis</c>, or <c>StasisBroadcast</c> for a claimed broadcast) and <see cref="AppData"/> its arguments.
/// </summary>
public sealed record DialplanLocation
{
    private const string Stasis = "Stasis";
    private const string StasisBroadcast = "StasisBroadcast";

    [JsonPropertyName("context")]
    public string Context { get; init => field = value ?? ""; } = "";

    [JsonPropertyName("exten")]
    public string Exten { get; init => field = value ?? ""; } = "";

    [JsonPropertyName("priority")]
    public long Priority { get; init; }

    [JsonPropertyName("app_name")]
    public string? AppName { get; init; }

    [JsonPropertyName("app_data")]
    public string? AppData { get; init; }

    /// <summary>True while the channel runs <c>Stasis()</c> or <c>StasisBroadcast()</c>.</summary>
    [JsonIgnore]
    public bool IsInStasis => string.Equals(AppName, Stasis, StringComparison.OrdinalIgnoreCase)
        || string.Equals(AppName, StasisBroadcast, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The arguments the application receives, read back from the dialplan (the StasisStart of a channel whose
    /// event was lost): <c>Stasis(app,a,b)</c> gives [a, b]; <c>StasisBroadcast(timeout,filter,a:b)</c> gives [a, b].
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> StasisArgs
    {
        get
        {
            if (!IsInStasis || string.IsNullOrWhiteSpace(AppData))
            {
                return [];
            }

            var parts = AppData.Split(',');
            if (string.Equals(AppName, StasisBroadcast, StringComparison.OrdinalIgnoreCase))
            {
                return parts.Length > 2 && parts[2].Trim().Length > 0 ? [.. parts[2].Split(':').Select(p => p.Trim())] : [];
            }

            return parts.Length <= 1 ? [] : [.. parts.Skip(1).Select(p => p.Trim())];
        }
    }
}

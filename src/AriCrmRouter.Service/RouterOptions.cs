namespace AriCrmRouter.Service;

/// <summary>How the router treats calls, bound from the <c>Routing</c> configuration section.</summary>
public sealed class RouterOptions : IValidatableObject
{
    public const string SectionName = "Routing";

    /// <summary>Where a call goes when no rule applies to it (no rule for the DID, unknown rule name).</summary>
    [Required]
    [ValidateObjectMembers]
    public DestinationOptions Fallback { get; set; } = new() { Type = "queue", Target = "500" };

    /// <summary>Whether a rule whose <c>defaultVoicemail</c> is <c>notSet</c> sends its default calls to voicemail.</summary>
    public bool VoicemailWhenNotSet { get; set; }

    /// <summary>
    /// The dialplan contexts the router continues calls into, per destination type (priority 1), <c>crmrouter-</c> and
    /// the type's name unless configured (<c>Routing:Contexts:Queue</c>). Queue, IVR, extension and voicemail continue
    /// at extension = target; recordings at <c>s</c>, the sound name in the CRMROUTER_DECISION label.
    /// </summary>
    public Dictionary<DestinationType, string> Contexts { get; } =
        Enum.GetValues<DestinationType>().ToDictionary(type => type, type => "crmrouter-" + type.ToWireName());

    /// <summary>On shutdown, how long calls in hand may finish before they are sent to their default destination.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest a greeting may play; guards against a lost PlaybackFinished.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxGreetingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Timeout of the ARI commands that route a call (variables and continue).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RoutingTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a <c>continue</c> that failed while the channel is still in Stasis is tried again (for the
    /// destination, then again for the global fallback). A channel that left Stasis is never continued again.
    /// </summary>
    [Range(0, 10)]
    public int ContinueRetries { get; set; } = 3;

    /// <summary>The wait before the first retry of a failed <c>continue</c>; it doubles with each further retry.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan ContinueRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How often the router looks for channels in its application that no call session holds (a call whose routing
    /// failed, a lost StasisStart) and routes them; a channel is taken after it was seen without a session twice.
    /// With <c>HighAvailability:Peers</c> it also paces the presence beat (which lives two intervals) and the takeover
    /// of a dead peer's calls, which therefore wait at most about three intervals: 6 s with the default.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the recovery after a (re)connect may take to list the application's channels and read each.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RecoveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of appending a decision to the web admin's Recent calls stream (best effort, after routing).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan RecentDecisionTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// What the host's stop may take beyond <see cref="DrainTimeout"/> + <see cref="RoutingTimeout"/> (the routing of
    /// the calls aborted at the end of the drain): closing the websocket and the CRM requests nobody waits for.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ShutdownMargin { get; set; } = TimeSpan.FromSeconds(5);

    public Destination FallbackDestination =>
        DestinationTypeNames.TryParse(Fallback.Type, out var type) ? new Destination(type, Fallback.Target) : throw new InvalidOperationException("invalid fallback destination type");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DestinationTypeNames.TryParse(Fallback.Type, out _))
        {
            yield return new ValidationResult($"Routing:Fallback:Type '{Fallback.Type}' is not one of queue, ivr, extension, voicemail, recording", [nameof(Fallback)]);
        }

        if (string.IsNullOrWhiteSpace(Fallback.Target))
        {
            yield return new ValidationResult("Routing:Fallback:Target is required", [nameof(Fallback)]);
        }

        foreach (var type in Enum.GetValues<DestinationType>().Where(type => string.IsNullOrWhiteSpace(Contexts.GetValueOrDefault(type))))
        {
            yield return new ValidationResult($"Routing:Contexts:{type} is required", [nameof(Contexts)]);
        }
    }
}

public sealed class DestinationOptions
{
    [Required]
    public string Type { get; set; } = "";

    [Required]
    public string Target { get; set; } = "";
}

/// <summary>Validates <see cref="RouterOptions"/> and its nested objects on start (source-generated, no reflection).</summary>
[OptionsValidator]
public sealed partial class RouterOptionsValidator : IValidateOptions<RouterOptions>;

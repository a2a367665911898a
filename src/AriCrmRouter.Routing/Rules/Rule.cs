namespace AriCrmRouter.Routing.Rules;

/// <summary>
/// A CRM routing rule: which CRM field to fetch for a caller, and where to send the call depending on its value.
/// </summary>
public sealed record Rule
{
    public required string Name { get; init; }

    /// <summary>The API name of the CRM field whose value decides the route (e.g. <c>status</c>, <c>Account_Name</c>).</summary>
    public required string CrmField { get; init; }

    public required RuleLocation Location { get; init; }

    /// <summary>Sound played before collecting DTMF; only meaningful for <see cref="RuleLocation.Ivr"/> rules.</summary>
    public string? Greeting { get; init; }

    public required CrmSource Crm { get; init; }

    public required Destination DefaultDestination { get; init; }

    public VoicemailPreference DefaultVoicemail { get; init; } = VoicemailPreference.NotSet;

    /// <summary>Rows evaluated in order; the first matching row decides the destination.</summary>
    public required IReadOnlyList<RuleRow> Rows { get; init; }

    /// <summary>DTMF collection settings for IVR rules; <c>null</c> means the service defaults.</summary>
    public DtmfSettings? Dtmf { get; init; }

    /// <summary>Per-rule lookup deadline and cache lifetimes; unset members fall back to the service defaults.</summary>
    public LookupSettings Lookup { get; init; } = LookupSettings.Defaults;
}

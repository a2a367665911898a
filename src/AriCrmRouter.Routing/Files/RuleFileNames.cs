namespace AriCrmRouter.Routing.Files;

/// <summary>The words a rule file uses for the domain's enums (operators and destination types have their own).</summary>
internal static class RuleFileNames
{
    public const string CustomCrm = "custom";
    public const string IntegrationCrm = "integration";

    public static string ToWireName(this RuleLocation location) => location switch
    {
        RuleLocation.Did => "did",
        RuleLocation.Ivr => "ivr",
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, null),
    };

    public static string ToWireName(this VoicemailPreference preference) => preference switch
    {
        VoicemailPreference.Yes => "yes",
        VoicemailPreference.No => "no",
        VoicemailPreference.NotSet => "notSet",
        _ => throw new ArgumentOutOfRangeException(nameof(preference), preference, null),
    };

    public static bool TryParseLocation(string text, out RuleLocation location) => WireNames.TryParse(text, ToWireName, out location);

    public static bool TryParseVoicemail(string text, out VoicemailPreference preference) => WireNames.TryParse(text, ToWireName, out preference);
}

namespace AriCrmRouter.Routing.Rules;

/// <summary>Whether a call that falls to the default destination goes to that destination's voicemail box.</summary>
public enum VoicemailPreference
{
    /// <summary>Follow the service-wide setting (<c>Routing:VoicemailWhenNotSet</c>, off unless configured).</summary>
    NotSet,
    Yes,
    No,
}

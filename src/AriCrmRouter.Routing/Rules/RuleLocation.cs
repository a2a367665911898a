namespace AriCrmRouter.Routing.Rules;

/// <summary>Where a rule is used, which decides how the caller is treated before the lookup.</summary>
public enum RuleLocation
{
    /// <summary>On a DID: the caller hears ringing (not answered) and is looked up by their number.</summary>
    Did,

    /// <summary>From an IVR: the call is answered, greeted, and the caller's DTMF is sent to the CRM.</summary>
    Ivr,
}

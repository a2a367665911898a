namespace AriCrmRouter.EndToEndTests;

/// <summary>Caller numbers of the sample CRM's customers (samples/AriCrmRouter.SampleCrm/data/customers.json) and DIDs of Rules/e2e-rules.json.</summary>
internal static class Callers
{
    /// <summary>Acme: status GOLD, lifetime_value 182500.75.</summary>
    public const string Gold = "15550100001";

    /// <summary>Acme's second phone (GOLD).</summary>
    public const string GoldSecondPhone = "15550100002";

    /// <summary>Umbrella Health: GOLD, 51000.</summary>
    public const string GoldAt51000 = "38515550105";

    /// <summary>Vandelay: status "gold" (lower case), lifetime_value 50.</summary>
    public const string GoldLowerCaseAt50 = "15550100007";

    /// <summary>Globex: SILVER, 42000.</summary>
    public const string Silver = "442079460018";

    /// <summary>Hooli: SILVER, 0.</summary>
    public const string SilverAtZero = "15550100006";

    /// <summary>Initech: BRONZE, 950 (stored as "(555) 010-0003").</summary>
    public const string Bronze = "5550100003";

    /// <summary>Not in the CRM.</summary>
    public const string Unknown = "15559999999";
}

internal static class Dids
{
    public const string Status = "5551000";
    public const string ValueBelow = "5551001";
    public const string ValueAbove = "5551002";
    public const string ValueEqual = "5551003";
    public const string ValueAtMost = "5551004";
    public const string ValueAtLeast = "5551005";
    public const string VoicemailDefault = "5551006";
    public const string Recording = "5551007";
    public const string Ivr = "5552000";
    public const string IvrLongGreeting = "5552001";
    public const string CrmTrouble = "5553000";
    public const string PatientLookup = "5554000";
    public const string PostStatus = "5555000";
}

/// <summary>DIDs of Rules/call-path-rules.json.</summary>
internal static class CallPathDids
{
    public const string OneDigitExtension = "5557101";
    public const string QueueNameAsMailbox = "5557102";
    public const string DashUnderscoreQueue = "5557103";
    public const string LongestIvr = "5557104";
    public const string ReenterThroughIvr = "5557201";
}

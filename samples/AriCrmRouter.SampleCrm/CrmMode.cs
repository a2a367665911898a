namespace AriCrmRouter.SampleCrm;

/// <summary>How the sample CRM answers lookups, to exercise the router's failure handling.</summary>
internal enum CrmMode
{
    /// <summary>Answers from the sample data.</summary>
    Normal,

    /// <summary>Answers 503 Service Unavailable.</summary>
    Down,

    /// <summary>Waits <see cref="SampleCrmOptions.SlowDelay"/> before answering normally.</summary>
    Slow,

    /// <summary>Answers 200 "application/json" with a body that is not JSON (an HTML error page).</summary>
    Garbage,
}

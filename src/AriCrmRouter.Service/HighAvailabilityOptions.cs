namespace AriCrmRouter.Service;

/// <summary>Several routers on one Asterisk (docs/high-availability.md); bound from the <c>HighAvailability</c> section.</summary>
public sealed class HighAvailabilityOptions
{
    public const string SectionName = "HighAvailability";

    /// <summary>
    /// The ARI application names of the other routers on this Asterisk (each router has its own,
    /// <c>Ari:Application</c>). Empty: this router is alone and takes over nobody's calls. Otherwise every router
    /// says it is alive in Redis at each sweep (<c>Routing:SweepInterval</c>), and the calls left in the
    /// application of one that stopped saying so are moved, each by exactly one survivor, to a survivor's
    /// application and routed there.
    /// </summary>
    public IList<string> Peers { get; } = [];

    /// <summary>How long the survivor that took a dead router's call holds it before another survivor may try again.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan TakeoverLease { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>Validates <see cref="HighAvailabilityOptions"/> on start (source-generated, no reflection).</summary>
[OptionsValidator]
public sealed partial class HighAvailabilityOptionsValidator : IValidateOptions<HighAvailabilityOptions>;

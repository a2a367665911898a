using System.ComponentModel.DataAnnotations;

namespace AriCrmRouter.Crm;

/// <summary>Service-wide CRM lookup settings, bound from the <c>Crm</c> configuration section.</summary>
public sealed class CrmOptions : IValidatableObject
{
    public const string SectionName = "Crm";

    /// <summary>Region (ISO 3166 code) used to read caller numbers that are not in international form.</summary>
    [Required]
    [RegularExpression("^[A-Za-z]{2}$")]
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Overall deadline of one lookup, retries included, when a rule does not set its own.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan DefaultLookupTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a found value is cached when a rule does not say.</summary>
    public TimeSpan DefaultCacheTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a "not found" is cached when a rule does not say.</summary>
    public TimeSpan DefaultNegativeCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a CRM answer may take to reach the shared cache. Until it is there (or this has passed), a
    /// caller asking the same question joins the finished request instead of asking the CRM again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan CacheWriteTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a connection read from the connection store is used before it is read again (and, when the store is
    /// unreachable, kept as the last known one). Zero: read on every lookup (the admin tools).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConnectionFreshness { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Answers larger than this are treated as failures.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Optional PEM file of extra certificate authorities trusted for CRM servers (private CAs, the demo's
    /// self-signed CRM). The system trust store is always used as well.
    /// </summary>
    public string? ExtraTrustedCaFile { get; set; }

    /// <summary>
    /// Networks (CIDR, comma-separated, e.g. <c>127.0.0.0/8,::1/128</c>) that CRM requests may reach although
    /// they are loopback, private, link-local or reserved. Empty (the default): CRM requests go to public
    /// addresses only, checked when each connection is opened (see <c>CrmNetworkGuard</c>).
    /// </summary>
    public string AllowedPrivateNetworks { get; set; } = "";

    /// <summary>Timeout of one HTTP attempt; a transient failure of a safe request is retried within the lookup deadline.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries of a safe (GET) request after a transient failure, inside the lookup deadline.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>When to stop calling a CRM that keeps failing, per CRM endpoint or connection.</summary>
    public CrmCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Http.CrmNetworkGuard.TryParseNetworks(AllowedPrivateNetworks, out _, out var invalid))
        {
            yield return new ValidationResult($"'{invalid}' is not a network in CIDR form (e.g. 127.0.0.0/8)", [nameof(AllowedPrivateNetworks)]);
        }
    }
}

/// <summary>Circuit breaker settings shared by every CRM (each CRM has its own breaker).</summary>
public sealed class CrmCircuitBreakerOptions
{
    /// <summary>Share of failed lookups within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Lookups needed within <see cref="SamplingDuration"/> before the ratio counts.</summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 5;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long lookups go straight to the default destination once the circuit opened.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}

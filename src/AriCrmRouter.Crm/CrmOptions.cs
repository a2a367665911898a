using System.ComponentModel.DataAnnotations;

namespace AriCrmRouter.Crm;

/// <summary>Service-wide CRM lookup settings, bound from the <c>Crm</c> configuration section.</summary>
public sealed class CrmOptions
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

    /// <summary>Answers larger than this are treated as failures.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Optional PEM file of extra certificate authorities trusted for CRM servers (private CAs, the demo's
    /// self-signed CRM). The system trust store is always used as well.
    /// </summary>
    public string? ExtraTrustedCaFile { get; set; }
}

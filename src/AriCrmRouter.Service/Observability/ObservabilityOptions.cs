using System.Net;

namespace AriCrmRouter.Service.Observability;

/// <summary>
/// The operations endpoint (<c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>), bound from the <c>Observability</c>
/// configuration section. Loopback by default: health and metrics are for the machine's own monitoring agent.
/// </summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string SectionName = "Observability";

    /// <summary>Whether the router listens for health checks and metric scrapes at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The IP address to listen on: 127.0.0.1 (default), ::1, or 0.0.0.0 to be scraped from other hosts.</summary>
    [Required]
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port (default 9464, the usual port of a Prometheus exporter; 0 picks a free port).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 9464;

    /// <summary>How long the Redis health check may wait for a PING before it reports Redis as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            yield return new ValidationResult($"Observability:ListenAddress '{ListenAddress}' is not an IP address", [nameof(ListenAddress)]);
        }
    }
}

/// <summary>Validates <see cref="ObservabilityOptions"/> on start (source-generated, no reflection).</summary>
[OptionsValidator]
public sealed partial class ObservabilityOptionsValidator : IValidateOptions<ObservabilityOptions>;

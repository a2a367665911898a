namespace AriCrmRouter.SampleCrm;

/// <summary>Settings of the sample CRM (configuration section "SampleCrm", env SampleCrm__*).</summary>
internal sealed class SampleCrmOptions
{
    public const string SectionName = "SampleCrm";

    /// <summary>Address Kestrel listens on; 0.0.0.0 inside a container.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 8443;

    /// <summary>PEM server certificate (scripts/demo-ca.sh writes one). Empty: an ephemeral self-signed certificate.</summary>
    public string CertificateFile { get; set; } = "";

    /// <summary>PEM private key of <see cref="CertificateFile"/>.</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>Customer data; relative paths are resolved against the application directory.</summary>
    public string DataFile { get; set; } = "data/customers.json";

    /// <summary>Start-up behaviour: Normal, Down, Slow or Garbage (changeable at run time via /control/mode).</summary>
    public CrmMode Mode { get; set; } = CrmMode.Normal;

    /// <summary>How long a lookup takes in Slow mode; longer than any sane router deadline.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Extra time every lookup takes before it is answered, in any mode (a CRM's own latency, for scripts/bench.sh).</summary>
    public TimeSpan LookupDelay { get; set; } = TimeSpan.Zero;

    /// <summary>When set ("Name: value"), lookups without exactly this header answer 401 (the "Custom HTTP Header" option).</summary>
    public string RequiredHeader { get; set; } = "";

    /// <summary>
    /// When true, a POST lookup without Content-Length (a chunked body) answers 411 Length Required, as CGI/PHP
    /// endpoints and some gateways do.
    /// </summary>
    public bool RequireContentLength { get; set; }

    /// <summary>The /control endpoints answer only loopback callers unless this is true.</summary>
    public bool AllowRemoteControl { get; set; }
}

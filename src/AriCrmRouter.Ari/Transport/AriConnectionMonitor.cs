using System.Diagnostics.Metrics;

namespace AriCrmRouter.Ari.Transport;

/// <summary>
/// Whether the ARI event websocket is up, for the readiness check, and the same as metrics (meter
/// <c>AriCrmRouter.Ari</c>): <c>crmrouter.ari.connection.state</c> (1 connected, 0 not) and
/// <c>crmrouter.ari.reconnects</c>. Fed by <see cref="AriEventConnection"/>.
/// </summary>
public sealed class AriConnectionMonitor
{
    public const string MeterName = "AriCrmRouter.Ari";

    private readonly Counter<long> _reconnects;
    private readonly KeyValuePair<string, object?>[] _tags;
    private volatile bool _connected;

    public AriConnectionMonitor(IOptions<AriOptions> options, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ari = options.Value;
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Server = ari.BaseUrl is { } url ? $"{url.Host}:{url.Port}" : "";
        Name = ari.ServerName;
        _tags = [new("crmrouter.ari.server", Server), new("crmrouter.ari.application", ari.Application), new("crmrouter.server", Name)];
        meter.CreateObservableGauge("crmrouter.ari.connection.state", () => new Measurement<int>(_connected ? 1 : 0, _tags), "{connection}",
            "1 while the ARI event websocket is connected, else 0");
        _reconnects = meter.CreateCounter<long>("crmrouter.ari.reconnects", "{reconnect}",
            "Connections of the ARI event websocket after the first one");
    }

    /// <summary>The ARI server as host:port (never credentials).</summary>
    public string Server { get; }

    /// <summary>The server's name (<c>Ari:Servers</c>, or <c>default</c>).</summary>
    public string Name { get; }

    public bool IsConnected => _connected;

    internal void Connected(bool isReconnect)
    {
        _connected = true;
        if (isReconnect)
        {
            _reconnects.Add(1, _tags);
        }
    }

    internal void Disconnected() => _connected = false;
}

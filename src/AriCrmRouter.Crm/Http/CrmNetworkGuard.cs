using System.Net.Sockets;

namespace AriCrmRouter.Crm.Http;

/// <summary>
/// Keeps CRM requests away from the router's own network: loopback, private, shared (CGNAT), link-local
/// (cloud metadata at 169.254.169.254), multicast and reserved addresses are refused unless a network in
/// <see cref="CrmOptions.AllowedPrivateNetworks"/> contains them. The check runs when a connection is opened,
/// on the addresses the connection actually uses, so a host name that resolves to a public address when a
/// rule is saved and to a private one later (DNS rebinding) is still refused, and so is every redirect target
/// and every API base a vendor's token answer names.
/// </summary>
public sealed class CrmNetworkGuard
{
    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/127"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly IReadOnlyList<IPNetwork> _allowed;

    public CrmNetworkGuard(IReadOnlyList<IPNetwork> allowed) => _allowed = allowed ?? [];

    /// <summary>Reads a comma- or space-separated list of networks in CIDR form (a bare address is one host).</summary>
    public static bool TryParseNetworks(string? text, out IReadOnlyList<IPNetwork> networks, out string? invalid)
    {
        var parsed = new List<IPNetwork>();
        invalid = null;
        foreach (var part in (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(part, out var network))
            {
                parsed.Add(network);
            }
            else if (IPAddress.TryParse(part, out var address))
            {
                parsed.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                invalid = part;
                break;
            }
        }

        networks = parsed;
        return invalid is null;
    }

    public static CrmNetworkGuard FromOptions(CrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TryParseNetworks(options.AllowedPrivateNetworks, out var allowed, out var invalid)
            ? new CrmNetworkGuard(allowed)
            : throw new ArgumentException($"Crm:AllowedPrivateNetworks: '{invalid}' is not a network in CIDR form", nameof(options));
    }

    /// <summary>Whether a CRM request may connect to <paramref name="address"/>.</summary>
    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var forms = FormsOf(address);
        return forms.Any(a => _allowed.Any(n => n.Contains(a))) || !forms.Any(a => Refused.Any(n => n.Contains(a)));
    }

    /// <summary>The address and the IPv4 address it carries (IPv4-mapped, NAT64 or 6to4), if any.</summary>
    private static IPAddress[] FormsOf(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return [address];
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return [address, address.MapToIPv4()];
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return [address, new IPAddress(bytes.AsSpan(12, 4))];
        }

        return SixToFour.Contains(address) ? [address, new IPAddress(bytes.AsSpan(2, 4))] : [address];
    }

    /// <summary>
    /// <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, refuses it when any of its addresses
    /// is not allowed, and connects to exactly the addresses that were checked.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (addresses.FirstOrDefault(a => !IsAllowed(a)) is { } refused)
        {
            throw new CrmAddressRefusedException(host, refused);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A CRM host resolved to an address the router does not call (see <see cref="CrmNetworkGuard"/>).</summary>
public sealed class CrmAddressRefusedException(string host, IPAddress address)
    : IOException($"{host} resolves to {address}, a loopback, private, link-local or reserved address; CRM requests go there only when Crm:AllowedPrivateNetworks contains it")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;

    /// <summary>The refusal inside an exception chain (HttpClient wraps what the connect callback throws).</summary>
    public static CrmAddressRefusedException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is CrmAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}

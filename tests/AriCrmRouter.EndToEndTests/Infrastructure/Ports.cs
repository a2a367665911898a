using System.Net.Sockets;

namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>Free loopback ports for the stack and the SIPp callers (several runs may share the machine).</summary>
public static class Ports
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];
    private static int _nextUdp = 41000 + (Environment.ProcessId % 200 * 40);

    public static int FreeTcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A UDP port with the next <paramref name="width"/> - 1 ports free as well (SIPp media uses port, +1, +2, +3).</summary>
    public static int FreeUdp(int width = 1)
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 2000; attempt++)
            {
                var port = _nextUdp;
                _nextUdp += 4;
                if (_nextUdp > 49000)
                {
                    _nextUdp = 41000;
                }

                if (Enumerable.Range(port, width).All(p => !Handed.Contains(p) && UdpFree(p)))
                {
                    for (var p = port; p < port + width; p++)
                    {
                        Handed.Add(p);
                    }

                    return port;
                }
            }
        }

        throw new InvalidOperationException("no free UDP port between 41000 and 49000");
    }

    private static bool UdpFree(int port)
    {
        try
        {
            using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

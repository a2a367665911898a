using System.Net.Sockets;

namespace AriCrmRouter.TestKit.Redis;

/// <summary>Sends one command to a Redis or Sentinel on loopback and returns its raw reply, for fixtures that wait on server state.</summary>
internal static class RedisProbe
{
    public static async Task<string> CommandAsync(int port, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            var stream = client.GetStream();
            var request = new StringBuilder().Append('*').Append(command.Count).Append("\r\n");
            foreach (var part in command)
            {
                request.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);
            var buffer = new byte[16 * 1024];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return $"(no answer: {ex.Message})";
        }
    }
}

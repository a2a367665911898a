using System.Diagnostics;
using System.Net.Sockets;

namespace AriCrmRouter.TestKit.Redis;

/// <summary>
/// A private <c>redis-server</c> child process on 127.0.0.1 and a free port, without persistence, for one
/// test class (use it as an <c>IClassFixture</c>). It can be stopped and started again on the same port to
/// test "Redis is down". When redis-server is not installed the fixture fails with a message saying how
/// to install it: tests that need Redis never silently skip.
/// </summary>
public sealed class RedisServer : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Environment variable naming the redis-server binary, when it is not on PATH.</summary>
    public const string ExecutableVariable = "REDIS_SERVER";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(15);
    private readonly StringBuilder _output = new();
    private readonly Func<int, IReadOnlyList<string>> _arguments;
    private Process? _process;

    /// <summary>A stand-alone server.</summary>
    public RedisServer()
        : this(ServerArguments)
    {
    }

    /// <summary>A server started with the arguments <paramref name="arguments"/> gives for its port.</summary>
    internal RedisServer(Func<int, IReadOnlyList<string>> arguments) => _arguments = arguments;

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public Task InitializeAsync() => StartAsync();

    /// <summary>Starts the server (again, on the same port, after <see cref="StopAsync"/>) and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var executable = FindExecutable();
        var firstStart = Port == 0;
        for (var attempt = 1; ; attempt++)
        {
            if (firstStart)
            {
                Port = FreePort();
            }

            StartProcess(executable);
            if (await WaitUntilAnsweringAsync())
            {
                return;
            }

            await KillAsync();
            // A free port can be taken between finding it and redis-server binding it: try another one.
            if (attempt == 3 || !firstStart)
            {
                throw new InvalidOperationException(
                    $"redis-server ({executable}) did not answer PING on port {Port} within {StartupTimeout.TotalSeconds} s. Its output:\n{Output}");
            }
        }
    }

    /// <summary>Kills the server; its data is gone (it never persists anything).</summary>
    public Task StopAsync() => KillAsync();

    /// <summary>What redis-server printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task DisposeAsync() => await KillAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await KillAsync();

    private static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{ExecutableVariable} names '{configured}', which does not exist.");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "redis-server is not installed (not found on PATH), and these tests need a real Redis. " +
            $"Install it with 'apt-get install -y redis-server' or set {ExecutableVariable} to its path.");
    }

    /// <summary>The arguments of a private server on <paramref name="port"/>: loopback only, nothing persisted.</summary>
    internal static IReadOnlyList<string> ServerArguments(int port) =>
    [
        "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--bind", "127.0.0.1",
        "--save", "",
        "--appendonly", "no",
        "--daemonize", "no",
        "--protected-mode", "yes",
    ];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void StartProcess(string executable)
    {
        lock (_output)
        {
            _output.Clear();
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in _arguments(Port))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task<bool> WaitUntilAnsweringAsync()
    {
        using var timeout = new CancellationTokenSource(StartupTimeout);
        while (!timeout.IsCancellationRequested && IsRunning)
        {
            if (await AnswersPingAsync(timeout.Token))
            {
                return true;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }

    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    private async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
        finally
        {
            process.Dispose();
        }
    }
}

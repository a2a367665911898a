namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>
/// The built router (crmrouter.dll) as a child process configured through environment variables, its console
/// output appended to one log file across restarts. Log lines are "HH:mm:ss.fff level: Category[id] => scope message".
/// </summary>
public sealed class RouterProcess(IDictionary<string, string> environment, string logFile) : IAsyncDisposable
{
    private ChildProcess? _process;

    public string LogFile => logFile;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The whole log so far (all runs).</summary>
    public string ReadLog()
    {
        using var stream = new FileStream(logFile, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public long LogLength => File.Exists(logFile) ? new FileInfo(logFile).Length : 0;

    /// <summary>The log written since <paramref name="offset"/> (a <see cref="LogLength"/> taken earlier).</summary>
    public string LogSince(long offset)
    {
        var all = ReadLog();
        return offset < all.Length ? all[(int)offset..] : "";
    }

    /// <summary>Starts the router and waits until it says it is connected to ARI.</summary>
    public async Task StartAsync()
    {
        var offset = LogLength;
        _process = ChildProcess.Start("dotnet", [RepoPaths.RouterDll], logFile, environment, Path.GetDirectoryName(RepoPaths.RouterDll));
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the router exited at start with code {_process.ExitCode}:\n{LogSince(offset)}");
            }

            if (LogSince(offset).Contains("Connected to ARI as application", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"the router did not connect to ARI within 30 s:\n{LogSince(offset)}");
    }

    /// <summary>SIGTERM, then waits for the drain to finish and the process to exit; returns how long that took.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        if (_process is null)
        {
            return TimeSpan.Zero;
        }

        var started = TimeProvider.System.GetTimestamp();
        await _process.TerminateAsync();
        if (!await _process.WaitForExitAsync(TimeSpan.FromSeconds(30)))
        {
            var log = ReadLog();
            throw new InvalidOperationException($"the router did not exit within 30 s of SIGTERM:\n{log[Math.Max(0, log.Length - 4000)..]}");
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        await _process.DisposeAsync();
        _process = null;
        return elapsed;
    }

    /// <summary>kill -9: no drain, the websocket just drops.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                await KillAsync();
            }
        }

        await KillAsync();
    }
}

namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>A child process whose stdout and stderr go to a file (and to memory), killed with its children on dispose.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter? _log;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private ChildProcess(Process process, StreamWriter? log)
    {
        _process = process;
        _log = log;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string? logFile = null, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        StreamWriter? log = null;
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
            log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process, log);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            log?.Dispose();
            throw new InvalidOperationException($"cannot start {fileName}: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a command to completion; throws with its output when it does not finish in time.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        await using var child = Start(fileName, arguments, environment: environment);
        if (!await child.WaitForExitAsync(timeout))
        {
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s. Output:\n{child.Output}");
        }

        return (child.ExitCode, child.Output);
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            // The asynchronous readers may still be draining; WaitForExit() without a timeout waits for them.
            _process.WaitForExit();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends SIGTERM (graceful stop) through kill(1).</summary>
    public async Task TerminateAsync()
    {
        if (!_process.HasExited)
        {
            await RunAsync("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        }
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited in between.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        lock (_gate)
        {
            _log?.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
            _log?.WriteLine(line);
        }
    }
}

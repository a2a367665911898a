namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>
/// Runs SIPp as a child process against the stack's SIP port, each run on its own SIP and media ports, with a
/// timeout; reports the exit code, the call counters from SIPp's statistics file, and whether Asterisk sent BYE.
/// </summary>
public sealed class SippDriver(int asteriskSipPort, string workDirectory)
{
    public const string Executable = "sipp";

    private int _runs;

    /// <summary>Runs SIPp to its end; start several runs and await them together for concurrent callers.</summary>
    public async Task<SippResult> RunAsync(SippCall call)
    {
        var run = Interlocked.Increment(ref _runs);
        var directory = Path.Combine(workDirectory, $"sipp-{run:D3}-{call.Caller}");
        Directory.CreateDirectory(directory);
        var messages = Path.Combine(directory, "messages.log");
        var stats = Path.Combine(directory, "stats.csv");
        var args = new List<string>
        {
            $"127.0.0.1:{asteriskSipPort.ToString(CultureInfo.InvariantCulture)}",
            "-sf", call.Scenario,
            "-s", call.Did,
            "-key", "caller", call.Caller,
            "-i", "127.0.0.1",
            "-p", Ports.FreeUdp().ToString(CultureInfo.InvariantCulture),
            "-mp", Ports.FreeUdp(4).ToString(CultureInfo.InvariantCulture),
            "-m", call.Calls.ToString(CultureInfo.InvariantCulture),
            "-r", call.Rate.ToString(CultureInfo.InvariantCulture),
            "-l", (call.Limit ?? call.Calls).ToString(CultureInfo.InvariantCulture),
            "-timeout", ((int)call.Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-timeout_error",
            "-nostdin",
            "-trace_msg", "-message_file", messages,
            "-trace_stat", "-stf", stats,
        };
        // Each scenario declares only its own variable; SIPp refuses to set an undeclared one.
        args.AddRange(call.HangupAfterMs > 0
            ? ["-set", "hangup_after_ms", call.HangupAfterMs.ToString(CultureInfo.InvariantCulture)]
            : ["-set", "hold_ms", call.HoldMs.ToString(CultureInfo.InvariantCulture)]);

        var started = TimeProvider.System.GetTimestamp();
        await using var process = ChildProcess.Start(Executable, args, Path.Combine(directory, "sipp.out"), workingDirectory: directory);
        if (!await process.WaitForExitAsync(call.Timeout + TimeSpan.FromSeconds(15)))
        {
            process.Kill();
            throw new TimeoutException($"sipp ({call.Caller} -> {call.Did}) did not finish within {call.Timeout.TotalSeconds + 15} s; see {directory}");
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var (successful, failed) = ReadCounters(stats);
        return new SippResult(process.ExitCode, successful, failed, ReceivedBye(messages), elapsed, $"sipp {string.Join(' ', args)}\n{Tail(process.Output, 3000)}");
    }

    /// <summary>SIPp's -trace_stat CSV: ';'-separated header and rows; the last row holds the cumulative counters.</summary>
    private static (int Successful, int Failed) ReadCounters(string statsFile)
    {
        if (!File.Exists(statsFile))
        {
            return (-1, -1);
        }

        var lines = File.ReadAllLines(statsFile).Where(l => l.Contains(';', StringComparison.Ordinal)).ToList();
        if (lines.Count < 2)
        {
            return (-1, -1);
        }

        var header = lines[0].Split(';');
        var last = lines[^1].Split(';');
        int Counter(string name)
        {
            var i = Array.IndexOf(header, name);
            return i >= 0 && i < last.Length && int.TryParse(last[i], CultureInfo.InvariantCulture, out var value) ? value : -1;
        }

        return (Counter("SuccessfulCall(C)"), Counter("FailedCall(C)"));
    }

    /// <summary>Whether Asterisk hung up: a BYE among the received messages of -trace_msg.</summary>
    private static bool ReceivedBye(string messagesFile)
    {
        if (!File.Exists(messagesFile))
        {
            return false;
        }

        var lines = File.ReadAllLines(messagesFile);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains("message received", StringComparison.Ordinal))
            {
                var first = lines.Skip(i + 1).FirstOrDefault(l => l.Trim().Length > 0) ?? "";
                if (first.StartsWith("BYE ", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Tail(string text, int max) => text.Length <= max ? text : text[^max..];
}

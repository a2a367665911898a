namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>What a SIPp run should do: which scenario, who calls which DID, for how long, how many calls.</summary>
public sealed record SippCall
{
    /// <summary>Scenario file (see <see cref="SippScenarios"/>).</summary>
    public required string Scenario { get; init; }

    public required string Did { get; init; }

    public required string Caller { get; init; }

    /// <summary>How long the caller stays on the line after the answer (uac-call / DTMF scenarios).</summary>
    public int HoldMs { get; init; } = 2000;

    /// <summary>uac-early-hangup: when the caller gives up.</summary>
    public int HangupAfterMs { get; init; }

    public int Calls { get; init; } = 1;

    /// <summary>Calls started per second (-r).</summary>
    public int Rate { get; init; } = 10;

    /// <summary>Most calls at once (-l); default: all of them.</summary>
    public int? Limit { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>How a SIPp run ended.</summary>
public sealed record SippResult(int ExitCode, int SuccessfulCalls, int FailedCalls, bool RemoteHangup, TimeSpan Elapsed, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"sipp exit {ExitCode}, {SuccessfulCalls} successful, {FailedCalls} failed, remote BYE: {RemoteHangup}, {Elapsed.TotalSeconds:F1} s";
}

/// <summary>The shipped scenarios (tests/AriCrmRouter.EndToEndTests/Sipp) and the DTMF generator.</summary>
public static class SippScenarios
{
    public static string Call => RepoPaths.SippScenario("uac-call.xml");

    public static string EarlyHangup => RepoPaths.SippScenario("uac-early-hangup.xml");

    /// <summary>
    /// The digits in the order of the RTP timestamps inside sip-tester's dtmf_2833_*.pcap files. SIPp replays a
    /// capture as it is, and Asterisk drops an RFC 4733 event whose timestamp is not newer than the last one it
    /// ended: a digit sent after the same digit, or after one later in this order, is lost (measured: "10003#"
    /// arrived as "103", "20005#" as "2").
    /// </summary>
    public const string PcapTimestampOrder = "1023456789*#";

    /// <summary>Writes a DTMF scenario with scripts/sipp-dtmf-scenario.sh (digits after <paramref name="initialWaitMs"/>, <paramref name="gapMs"/> apart).</summary>
    public static async Task<string> DtmfAsync(string digits, int initialWaitMs, int gapMs, string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(digits);
        for (var i = 1; i < digits.Length; i++)
        {
            if (PcapTimestampOrder.IndexOf(digits[i], StringComparison.Ordinal) <= PcapTimestampOrder.IndexOf(digits[i - 1], StringComparison.Ordinal))
            {
                throw new ArgumentException($"SIPp cannot send '{digits}': each digit must come later than the previous one in \"{PcapTimestampOrder}\" (see {nameof(PcapTimestampOrder)})", nameof(digits));
            }
        }

        var (exit, output) = await ChildProcess.RunAsync("bash",
            [RepoPaths.Script("sipp-dtmf-scenario.sh"), digits, "-w", initialWaitMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "-g", gapMs.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            TimeSpan.FromSeconds(10));
        if (exit != 0)
        {
            throw new InvalidOperationException($"sipp-dtmf-scenario.sh failed (exit {exit}):\n{output}");
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"dtmf-{digits.Replace('#', 'P').Replace('*', 'S')}-{initialWaitMs}-{gapMs}.xml");
        await File.WriteAllTextAsync(path, output);
        return path;
    }
}

namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>
/// Reads the instance's Asterisk logs: landing lines from <c>messages</c>, the dialplan trace from <c>full</c>.
/// A <see cref="LogMark"/> taken before a call limits a search to what was logged afterwards.
/// </summary>
public sealed class AsteriskLog(string directory)
{
    public string MessagesFile => Path.Combine(directory, "messages");

    public string FullFile => Path.Combine(directory, "full");

    public LogMark Mark() => new(Length(MessagesFile), Length(FullFile));

    public IReadOnlyList<Landing> LandingsSince(LogMark mark) =>
        [.. ReadLines(MessagesFile, mark.Messages).Select(Landing.TryParse).OfType<Landing>()];

    public IReadOnlyList<string> MessagesSince(LogMark mark) => ReadLines(MessagesFile, mark.Messages);

    public IReadOnlyList<string> FullSince(LogMark mark) => ReadLines(FullFile, mark.Full);

    /// <summary>Waits for the last landing of <paramref name="caller"/> logged after the mark.</summary>
    public async Task<Landing> WaitForLandingAsync(LogMark mark, string caller, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var landing = LandingsSince(mark).LastOrDefault(l => l.Caller == caller);
            if (landing is not null)
            {
                return landing;
            }

            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"no CRMROUTER_LANDED line for caller {caller} within {timeout.TotalSeconds} s. Asterisk messages since the call:\n{string.Join('\n', MessagesSince(mark).TakeLast(40))}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until <paramref name="count"/> landings satisfy <paramref name="predicate"/> after the mark.</summary>
    public async Task<IReadOnlyList<Landing>> WaitForLandingsAsync(LogMark mark, Func<Landing, bool> predicate, int count, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var landings = LandingsSince(mark).Where(predicate).ToList();
            if (landings.Count >= count || TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                return landings;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Call-setup time as Asterisk saw it: from the call's first dialplan line (INVITE accepted, [from-trunk]
    /// priority 1) to its landing line, both in the <c>full</c> log with millisecond timestamps.
    /// </summary>
    public TimeSpan SetupTime(LogMark mark, Landing landing)
    {
        var tag = $"[{landing.CallId}]";
        foreach (var line in ReadLines(FullFile, mark.Full))
        {
            if (line.Contains(tag, StringComparison.Ordinal) && TryReadPrefix(line, out var first, out _))
            {
                return landing.LoggedAt - first;
            }
        }

        throw new InvalidOperationException($"no line of call {landing.CallId} in {FullFile}");
    }

    /// <summary>Reads "[2026-11-24 19:35:25.514] NOTICE[25959][C-00000001] ...": the time and the call id (empty when none).</summary>
    public static bool TryReadPrefix(string line, out DateTime loggedAt, out string callId)
    {
        loggedAt = default;
        callId = "";
        if (line.Length < 25 || line[0] != '[' || !DateTime.TryParseExact(line.AsSpan(1, 23), "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out loggedAt))
        {
            return false;
        }

        var c = line.IndexOf("][C-", StringComparison.Ordinal);
        if (c > 0)
        {
            var end = line.IndexOf(']', c + 2);
            callId = end > c ? line[(c + 2)..end] : "";
        }

        return true;
    }

    private static long Length(string file) => File.Exists(file) ? new FileInfo(file).Length : 0;

    private static List<string> ReadLines(string file, long offset)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        // A line still being written has no newline yet; it is read again on the next poll.
        return lines;
    }
}

/// <summary>Byte offsets of the Asterisk logs at one moment.</summary>
public readonly record struct LogMark(long Messages, long Full);

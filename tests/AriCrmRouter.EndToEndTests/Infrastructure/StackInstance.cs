namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>One scripts/stack.sh instance (Asterisk 22 in the chroot + Redis) with its own name and ports.</summary>
public sealed class StackInstance
{
    private readonly Dictionary<string, string> _environment;

    /// <param name="name">The stack.sh instance name.</param>
    /// <param name="withRedis">False for a second Asterisk beside a stack whose Redis it shares (STACK_REDIS=0).</param>
    /// <param name="rtpBlock">0 for the first instance of a run; another block of RTP ports for each further one.</param>
    public StackInstance(string name, bool withRedis = true, int rtpBlock = 0)
    {
        Name = name;
        HttpPort = Ports.FreeTcp();
        SipPort = Ports.FreeUdp();
        RedisPort = Ports.FreeTcp();
        var rtpStart = 30000 + (rtpBlock * 10000) + (Environment.ProcessId % 9 * 1000);
        _environment = new Dictionary<string, string>
        {
            ["STACK_NAME"] = name,
            ["ASTERISK_HTTP_PORT"] = HttpPort.ToString(CultureInfo.InvariantCulture),
            ["ASTERISK_SIP_PORT"] = SipPort.ToString(CultureInfo.InvariantCulture),
            ["ASTERISK_RTP_START"] = rtpStart.ToString(CultureInfo.InvariantCulture),
            ["ASTERISK_RTP_END"] = (rtpStart + 999).ToString(CultureInfo.InvariantCulture),
            ["REDIS_PORT"] = RedisPort.ToString(CultureInfo.InvariantCulture),
            ["ARI_PASSWORD"] = AriPassword,
            ["STACK_REDIS"] = withRedis ? "1" : "0",
        };
    }

    public const string AriUsername = "crmrouter";

    public string AriPassword { get; } = $"e2e-{Guid.NewGuid():N}";

    public string Name { get; }

    public int HttpPort { get; }

    public int SipPort { get; }

    public int RedisPort { get; }

    public string AriBaseUrl => $"http://127.0.0.1:{HttpPort}/ari";

    public string RedisConfiguration => $"127.0.0.1:{RedisPort}";

    /// <summary>The instance's Asterisk log directory (messages, full), from <c>stack.sh env</c>.</summary>
    public string LogDirectory { get; private set; } = "";

    public string StateDirectory => Path.Combine(RepoPaths.Root, ".stack", Name);

    public AsteriskLog Log => new(LogDirectory);

    public async Task UpAsync()
    {
        var (exit, output) = await StackAsync(TimeSpan.FromSeconds(120), "up");
        if (exit != 0)
        {
            throw new InvalidOperationException($"scripts/stack.sh up failed (exit {exit}) for instance {Name}:\n{output}");
        }

        var (_, env) = await StackAsync(TimeSpan.FromSeconds(30), "env");
        LogDirectory = env.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("ASTERISK_LOG_DIR=", StringComparison.Ordinal))?["ASTERISK_LOG_DIR=".Length..]
            ?? throw new InvalidOperationException($"stack.sh env printed no ASTERISK_LOG_DIR:\n{env}");
    }

    public async Task DownAsync()
    {
        var (exit, output) = await StackAsync(TimeSpan.FromSeconds(60), "down");
        if (exit != 0)
        {
            throw new InvalidOperationException($"scripts/stack.sh down failed (exit {exit}):\n{output}");
        }
    }

    /// <summary>Runs an Asterisk CLI command in this instance.</summary>
    public async Task<string> RxAsync(string command)
    {
        var (exit, output) = await StackAsync(TimeSpan.FromSeconds(20), "rx", command);
        return exit == 0 ? output : throw new InvalidOperationException($"stack.sh rx \"{command}\" failed (exit {exit}):\n{output}");
    }

    /// <summary>Active channels as Asterisk counts them (<c>core show channels count</c>).</summary>
    public async Task<int> ActiveChannelsAsync()
    {
        var output = await RxAsync("core show channels count");
        var line = output.Split('\n').FirstOrDefault(l => l.Contains("active channel", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"unexpected 'core show channels count' output:\n{output}");
        return int.Parse(line.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Polls until no channel is left, or the timeout passes; returns the last count.</summary>
    public async Task<int> WaitForNoChannelsAsync(TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        int count;
        while ((count = await ActiveChannelsAsync()) > 0 && TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(250);
        }

        return count;
    }

    public Task<(int ExitCode, string Output)> StackAsync(TimeSpan timeout, params string[] arguments) =>
        ChildProcess.RunAsync("bash", [RepoPaths.Script("stack.sh"), .. arguments], timeout, _environment);
}

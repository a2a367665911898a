namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>
/// What the tier needs from the machine (root, the Asterisk root, sipp, redis, openssl, curl): a missing piece fails
/// every test with a message saying what to do; nothing is skipped.
/// </summary>
internal static class EndToEndPrerequisites
{
    /// <summary>Throws with everything that is missing and what to do about it.</summary>
    public static void Check()
    {
        var problems = new List<string>();
        if (!Environment.IsPrivilegedProcess)
        {
            problems.Add("not running as root (stack.sh runs Asterisk with chroot)");
        }

        var root = Environment.GetEnvironmentVariable("ASTERISK_ROOT");
        if (string.IsNullOrWhiteSpace(root))
        {
            root = EndToEndEnvironment.DefaultAsteriskRoot;
        }

        if (!File.Exists(Path.Combine(root, "usr", "sbin", "asterisk")))
        {
            problems.Add($"no Asterisk root at {root} (ASTERISK_ROOT={Environment.GetEnvironmentVariable("ASTERISK_ROOT") ?? "<unset>"})");
        }

        foreach (var tool in new[] { SippDriver.Executable, "redis-server", "redis-cli", "openssl", "curl" })
        {
            if (!OnPath(tool))
            {
                problems.Add($"'{tool}' is not installed");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The end-to-end tier cannot run on this machine:\n  - " + string.Join("\n  - ", problems) +
                "\nRun 'sudo scripts/setup.sh' (installs redis, sipp, debootstrap and builds the Asterisk root) or use 'scripts/test.sh e2e' as root.");
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(d => File.Exists(Path.Combine(d, tool)));
}

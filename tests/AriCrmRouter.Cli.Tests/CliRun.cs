namespace AriCrmRouter.Cli.Tests;

/// <summary>The outcome of one in-process run of crmrouter-admin.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    /// <summary>Asserts the exit code; a mismatch shows the whole run.</summary>
    public void AssertExit(int expected) => Assert.True(ExitCode == expected, $"expected exit {expected}, got {this}");

    /// <summary>Asserts the exit code and that standard error says each of <paramref name="texts"/>.</summary>
    public void AssertFailed(int exitCode, params string[] texts)
    {
        AssertExit(exitCode);
        foreach (var text in texts)
        {
            Assert.Contains(text, Error, StringComparison.Ordinal);
        }
    }

    /// <summary>Asserts that standard output says each of <paramref name="texts"/>.</summary>
    public void AssertSays(params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.Contains(text, Out, StringComparison.Ordinal);
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}

namespace AriCrmRouter.Cli.Tests;

/// <summary>The outcome of one in-process run of crmrouter-admin.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}

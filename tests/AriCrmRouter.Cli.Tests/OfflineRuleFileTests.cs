namespace AriCrmRouter.Cli.Tests;

/// <summary>
/// What the rule-file commands' tests share: a scratch directory for the files they write, and runs pointed at a
/// Redis port nothing listens on, since reading a file must never need Redis.
/// </summary>
public abstract class OfflineRuleFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmrouter-rule-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private protected static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var cli = new AdminCli(new AdminConsole(new StringReader(""), stdout, stderr), _ => null);
        var exit = await cli.RunAsync(["--redis", "127.0.0.1:1", .. args], CancellationToken.None);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    protected string Write(string content)
    {
        var path = ScratchPath($"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A path in the scratch directory (nothing is written there).</summary>
    protected string ScratchPath(string name) => Path.Combine(_directory, name);
}

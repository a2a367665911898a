namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>Where the repository, its scripts and the built router, admin CLI, web admin and sample CRM are.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of this test assembly (bin/&lt;Configuration&gt;/net10.0), used for the other outputs too.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

    public static string Script(string name) => Path.Combine(Root, "scripts", name);

    public static string SippScenario(string name) => Path.Combine(Root, "tests", "AriCrmRouter.EndToEndTests", "Sipp", name);

    /// <summary>
    /// Set (by <c>scripts/test.sh installed</c>) to the prefix of an installation made by <c>scripts/install.sh</c>:
    /// the router and admin CLI are then the installed ones instead of the build outputs.
    /// </summary>
    public const string InstalledPrefixVariable = "CRMROUTER_INSTALLED_PREFIX";

    public static string RouterDll => Installed("router", "crmrouter.dll") ?? Output("src/AriCrmRouter.Service", "crmrouter.dll");

    public static string AdminDll => Installed("admin", "crmrouter-admin.dll") ?? Output("src/AriCrmRouter.Cli", "crmrouter-admin.dll");

    /// <summary>The web admin, always the build output (scripts/install.sh does not install it).</summary>
    public static string WebDll => Output("src/AriCrmRouter.Web", "crmrouter-web.dll");

    public static string SampleCrmDll => Output("samples/AriCrmRouter.SampleCrm", "sample-crm.dll");

    /// <summary>Test artifacts (logs of the stack, the router, the CRM; the timing table).</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts", "e2e");

    private static string? Installed(string part, string file)
    {
        var prefix = Environment.GetEnvironmentVariable(InstalledPrefixVariable);
        if (string.IsNullOrWhiteSpace(prefix))
        {
            return null;
        }

        var path = Path.Combine(prefix, part, file);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} does not exist: is {InstalledPrefixVariable}={prefix} an installation by scripts/install.sh?");
    }

    private static string Output(string project, string file)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", file);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} does not exist: build the solution first (dotnet build -c {Configuration}, or scripts/test.sh e2e).");
    }

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("ARICRMROUTER_REPO_ROOT");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(Path.Combine(configured, "AriCrmRouter.sln")))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AriCrmRouter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (AriCrmRouter.sln); set ARICRMROUTER_REPO_ROOT.");
    }
}

using Microsoft.Playwright;

namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>
/// The built web admin (crmrouter-web.dll) as a child process on a free loopback port, against the stack's Redis
/// (same key prefix and key ring as the router), with one admin account made by the real admin CLI.
/// </summary>
public sealed class WebAdminProcess : IAsyncDisposable
{
    public const string AdminName = "e2e-admin";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly ChildProcess _process;

    private WebAdminProcess(ChildProcess process, Uri baseUrl, string password)
    {
        _process = process;
        BaseUrl = baseUrl;
        Password = password;
    }

    public Uri BaseUrl { get; }

    public string Password { get; }

    public string Output => _process.Output;

    /// <summary>Debian's chromium, headless (never a downloaded browser); fails with how to install it when it is missing.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: the web admin scenario needs Debian's chromium (apt-get install -y chromium; scripts/setup.sh installs it).");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Creates the account, starts crmrouter-web and waits until its login page answers.</summary>
    public static async Task<WebAdminProcess> StartAsync(EndToEndEnvironment stack)
    {
        var password = "e2e-" + Guid.NewGuid().ToString("N");
        await stack.AdminAsync(new Dictionary<string, string> { ["CRMROUTER_ADMIN_PASSWORD"] = password }, "users", "add", AdminName, "--role", "admin");
        var baseUrl = new Uri($"http://127.0.0.1:{Ports.FreeTcp()}/");
        var environment = new Dictionary<string, string>
        {
            ["Redis__Configuration"] = stack.Stack.RedisConfiguration,
            ["Redis__KeyPrefix"] = EndToEndEnvironment.RedisPrefix,
            ["Secrets__KeyRingPath"] = stack.KeyRing,
            ["Web__DataProtectionKeysPath"] = stack.RunFile("web-cookie-keys"),
            ["DOTNET_NOLOGO"] = "1",
        };
        var process = ChildProcess.Start("dotnet", [RepoPaths.WebDll, "--urls", baseUrl.ToString().TrimEnd('/')],
            stack.RunFile("web.log"), environment, Path.GetDirectoryName(RepoPaths.WebDll));
        var web = new WebAdminProcess(process, baseUrl, password);
        try
        {
            await web.WaitUntilServingAsync();
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }

        return web;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"crmrouter-web exited at start with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "/login"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"crmrouter-web did not answer on {BaseUrl} within 30 s:\n{Output}");
    }
}

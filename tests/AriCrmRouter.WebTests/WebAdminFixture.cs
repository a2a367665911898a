namespace AriCrmRouter.WebTests;

/// <summary>
/// One private Redis, one crmrouter-web on a free loopback port, one fake HubSpot and one headless Debian
/// chromium for all browser tests. Chromium is never downloaded: when /usr/bin/chromium is missing the
/// fixture fails with how to install it (tests never skip).
/// </summary>
public sealed class WebAdminFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminName = "ada";
    public const string ViewerName = "vic";
    public const string Password = "correct-horse-battery";

    private readonly RedisServer _redis = new();
    private readonly string _keyRing = Path.Combine(Path.GetTempPath(), $"crmrouter-web-keys-{Guid.NewGuid():N}");
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public FakeHubSpot HubSpot { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>Web:DataProtectionKeysPath: where the login-cookie keys are kept (created by the app).</summary>
    public string DataProtectionKeys { get; } = Path.Combine(Path.GetTempPath(), $"crmrouter-web-cookie-keys-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: the browser tests need Debian's chromium (apt-get install -y chromium; scripts/setup.sh installs it).");
        }

        await _redis.InitializeAsync();
        using (var ring = SecretKeyRing.Open(_keyRing))
        {
            ring.CreateKey(TimeProvider.System);
        }

        HubSpot = await FakeHubSpot.StartAsync();
        _app = AdminWebApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Redis:Configuration"] = _redis.Configuration,
                ["Secrets:KeyRingPath"] = _keyRing,
                ["Web:DataProtectionKeysPath"] = DataProtectionKeys,
                ["Crm:AllowedPrivateNetworks"] = "127.0.0.0/8", // the fake HubSpot listens on loopback
                // As in the CLI tests: the first CRM exchange of the process (JIT, connection) can outlast the 1 s production
                // attempt timeout on a busy machine; the tests assert the trace and the value, never a timing.
                ["Crm:AttemptTimeout"] = "00:00:15",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics"] = "Error",
            });
        });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var accounts = Services.GetRequiredService<RedisAdminAccountStore>();
        await accounts.SaveAsync(new AdminAccount(AdminName, AdminRoles.Admin, AdminPasswords.Hash(Password)), default);
        await accounts.SaveAsync(new AdminAccount(ViewerName, AdminRoles.Viewer, AdminPasswords.Hash(Password)), default);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (HubSpot is not null)
        {
            await HubSpot.DisposeAsync();
        }

        await _redis.DisposeAsync();
        foreach (var directory in new[] { _keyRing, DataProtectionKeys })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>A fresh browser context (no cookies), optionally logged in through the login page.</summary>
    public async Task<IPage> OpenAsync(string? user = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        if (user is not null)
        {
            await page.GotoAsync("/login");
            await page.GetByLabel("Account").FillAsync(user);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/rules$"));
        }

        return page;
    }

    /// <summary>The same, then at <paramref name="path"/>.</summary>
    public async Task<IPage> OpenAsync(string? user, string path)
    {
        var page = await OpenAsync(user);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Adds or replaces a rule written in the rule-file format, as an admin would.</summary>
    public async Task<long> SaveRuleAsync(string json)
    {
        var parsed = RuleFileCodec.ParseRule(json);
        Assert.True(parsed.Rule is not null, string.Join("; ", parsed.Problems));
        // Recorded like any admin change, so that the history holds the version.
        var store = Services.GetRequiredService<RedisChangeHistory>().Recording(Services.GetRequiredService<AriCrmRouter.Storage.Rules.RedisRuleStore>(), "test");
        var exists = (await store.LoadAsync(default)).RuleSet.FindByName(parsed.Rule.Name) is not null;
        var change = await new RuleAdministration(store).SaveRuleAsync(parsed.Rule, exists ? parsed.Rule.Name : null, null, default);
        Assert.True(change.Succeeded, change.Refusal + string.Join("; ", change.Problems));
        return change.Version;
    }

    public static string QueueRule(string name, string field = "status", string crmUrl = "https://crm.example.com/lookup") => $$"""
        {
          "name": "{{name}}", "crmField": "{{field}}", "location": "did",
          "crm": { "type": "custom", "url": "{{crmUrl}}", "usePost": false, "headers": {} },
          "defaultDestination": { "type": "queue", "target": "100" }, "defaultVoicemail": "notSet",
          "rows": [
            { "operator": "=", "value": "GOLD", "destination": { "type": "queue", "target": "103" } },
            { "operator": "=", "value": "SILVER", "destination": { "type": "queue", "target": "102" } }
          ]
        }
        """;

    public Task<string> AppendDecisionAsync(DecisionRecord decision) =>
        Services.GetRequiredService<RedisDecisionLog>().AppendAsync(decision, default);

    /// <summary>Saves a screenshot for docs/admin-web.md when WEB_SCREENSHOTS_DIR is set (else next to the test results).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("WEB_SCREENSHOTS_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}

[CollectionDefinition(Name)]
public sealed class WebAdminTests : ICollectionFixture<WebAdminFixture>
{
    public const string Name = "web admin";
}

using AriCrmRouter.Storage.Secrets;
using StackExchange.Redis;

namespace AriCrmRouter.Cli.Tests;

/// <summary>Header values and connection secrets through the admin tool: encrypted in Redis, whole in exports (mode 0600), never in listings.</summary>
public sealed class SecretsCommandTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const string ApiKey = "cli-Pl41n-api-key";

    private readonly CliHarness _cli = new(redis);
    private ConnectionMultiplexer? _raw;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Export_ToFile_IsReadableByItsOwnerOnlyAndKeepsTheHeaderValues()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.CustomRule("tenant", ApiKey)]));
        var path = Path.Combine(_cli.WorkDirectory, "backup.json");
        await File.WriteAllTextAsync(path, "older backup");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = await _cli.RunAsync("rules", "export", "-o", path);

        run.AssertExit(0);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Contains(ApiKey, await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        var fresh = Path.Combine(_cli.WorkDirectory, "fresh.json");
        Assert.Equal(0, (await _cli.RunAsync("rules", "export", "-o", fresh)).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fresh));
    }

    [Fact]
    public async Task ImportAndCrmAdd_StoredValuesAreEncryptedAndListingsShowNeither()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.CustomRule("tenant", ApiKey)]));
        var add = await _cli.RunAsync("crm", "add", "zoho-eu", "--kind", "zoho", "--setting", "dataCenter=eu", "--setting", "clientId=c", "--secret", "clientSecret=s", "--secret", "refreshToken=cli-Pl41n-token");
        add.AssertExit(0);

        var database = await DatabaseAsync();
        var document = (await database.StringGetAsync(_cli.Prefix + "rules:document")).ToString();
        var connection = (await database.HashGetAsync(_cli.Prefix + "crm:connections", "zoho-eu")).ToString();
        var show = await _cli.RunAsync("rules", "show", "tenant");
        var list = await _cli.RunAsync("crm", "list");

        Assert.DoesNotContain(ApiKey, document, StringComparison.Ordinal);
        Assert.DoesNotContain("cli-Pl41n-token", connection, StringComparison.Ordinal);
        foreach (var output in new[] { show.All, list.All })
        {
            Assert.DoesNotContain(ApiKey, output, StringComparison.Ordinal);
            Assert.DoesNotContain("cli-Pl41n-token", output, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretProtector.EncryptedPrefix, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_NoKeyRing_RuleWithHeadersIsRefusedWithAClearMessage()
    {
        _cli.Environment.Remove("CRMROUTER_KEY_RING");

        var run = await _cli.RunWithInputAsync("", "rules", "import", _cli.WriteFile("r.json", RuleFiles.File([RuleFiles.CustomRule("tenant", ApiKey)])));

        run.AssertFailed(1, "no key ring is configured");
        Assert.DoesNotContain(ApiKey, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_KeyRingWithoutTheKey_RefusesAndNamesTheRule()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.CustomRule("tenant", ApiKey), RuleFiles.Rule("plain")]));
        var otherRing = Path.Combine(_cli.WorkDirectory, "other-ring");
        Assert.Equal(0, (await _cli.RunAsync("--key-ring", otherRing, "secrets", "new-key")).ExitCode);

        var export = await _cli.RunAsync("--key-ring", otherRing, "rules", "export");
        var status = await _cli.RunAsync("--key-ring", otherRing, "secrets", "status");
        var list = await _cli.RunAsync("--key-ring", otherRing, "rules", "list");

        export.AssertFailed(1, "rule 'tenant'", "not in the key ring at");
        status.AssertExit(1);
        Assert.Contains("Cannot decrypt the custom CRM header values of rule(s) 'tenant'", status.Out, StringComparison.Ordinal);
        list.AssertExit(0);
        Assert.DoesNotContain(ApiKey, export.All + status.All + list.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewKeyThenReencrypt_EverySecretMovesToTheNewKeyAndStillDecrypts()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.CustomRule("tenant", ApiKey)]));
        var before = (await (await DatabaseAsync()).StringGetAsync(_cli.Prefix + "rules:document")).ToString();
        var oldKeys = Directory.GetFiles(_cli.KeyRing, "key-*.xml");

        var newKey = await _cli.RunAsync("secrets", "new-key");
        var reencrypt = await _cli.RunAsync("secrets", "reencrypt");
        foreach (var file in oldKeys)
        {
            File.Delete(file);
        }

        var status = await _cli.RunAsync("secrets", "status");
        var export = await _cli.RunAsync("rules", "export");

        newKey.AssertExit(0);
        reencrypt.AssertExit(0);
        Assert.NotEqual(before, (await (await DatabaseAsync()).StringGetAsync(_cli.Prefix + "rules:document")).ToString());
        status.AssertExit(0);
        Assert.Contains("Stored secrets: 1 encrypted, 0 in plain text", status.Out, StringComparison.Ordinal);
        Assert.Contains(ApiKey, export.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewKey_IfNoneOnARingWithAKey_AddsNothing()
    {
        var run = await _cli.RunAsync("secrets", "new-key", "--if-none");

        run.AssertExit(0);
        Assert.Contains("none added", run.Out, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_cli.KeyRing, "key-*.xml"));
    }

    public void Dispose()
    {
        _raw?.Dispose();
        _cli.Dispose();
    }

    private async Task ImportAsync(string content)
    {
        var run = await _cli.RunAsync("rules", "import", _cli.WriteFile($"{Guid.NewGuid():N}.json", content), "--replace");
        run.AssertExit(0);
    }

    private async Task<IDatabase> DatabaseAsync()
    {
        _raw ??= await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        return _raw.GetDatabase();
    }
}

namespace AriCrmRouter.Cli.Tests;

/// <summary>Stops its own Redis server to check what admins see when it is down.</summary>
public sealed class StorageUnavailableTests : IAsyncLifetime, IDisposable
{
    private readonly RedisServer _redis = new();
    private readonly CliHarness _cli;

    public StorageUnavailableTests() => _cli = new CliHarness(_redis);

    public Task InitializeAsync() => _redis.StartAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Theory]
    [InlineData("rules", "list")]
    [InlineData("rules", "export")]
    [InlineData("dids", "assign", "5551000", "vip")]
    [InlineData("crm", "list")]
    public async Task Command_RedisDown_ExitsThreeWithAClearMessageAndNoStackTrace(params string[] args)
    {
        await _redis.StopAsync();

        var run = await _cli.RunAsync(args);

        run.AssertFailed(3, $"Redis at {_redis.Configuration} is unreachable");
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RedisDown_ExitsThree()
    {
        var path = _cli.WriteFile("r.json", RuleFiles.File([RuleFiles.Rule("vip")]));
        await _redis.StopAsync();

        var run = await _cli.RunAsync("rules", "import", path);

        run.AssertExit(3);
    }

    [Fact]
    public async Task Command_PasswordInRedisConfiguration_NeverPrinted()
    {
        await _redis.StopAsync();
        _cli.Environment["CRMROUTER_REDIS"] = $"{_redis.Configuration},password=hunter2-redis";

        var run = await _cli.RunRawAsync(string.Empty, ["--prefix", _cli.Prefix, "rules", "list"]);

        run.AssertExit(3);
        Assert.DoesNotContain("hunter2-redis", run.All, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}

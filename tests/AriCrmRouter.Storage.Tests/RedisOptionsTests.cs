using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Storage.Tests;

public sealed class RedisOptionsTests
{
    private static IOptions<RedisOptions> Resolve(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddRedisStorage(configuration).BuildServiceProvider().GetRequiredService<IOptions<RedisOptions>>();
    }

    [Fact]
    public void Options_NothingConfigured_UsesDefaults()
    {
        var options = Resolve([]).Value;

        Assert.Equal("127.0.0.1:6379", options.Configuration);
        Assert.Equal("crmrouter:", options.KeyPrefix);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.CacheOperationTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RulePollInterval);
    }

    [Fact]
    public void Options_UnparsableConfiguration_FailValidationWithoutQuotingIt()
    {
        var options = Resolve(new() { ["Redis:Configuration"] = "127.0.0.1:6379,password=hunter2,bogusKeyword=1" });

        var ex = Assert.Throws<OptionsValidationException>(() => options.Value);

        Assert.Contains("Redis:Configuration", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Redis:KeyPrefix", "has space")]
    [InlineData("Redis:CacheOperationTimeout", "00:00:00")]
    [InlineData("Redis:RulePollInterval", "00:10:00")]
    public void Options_OutOfRange_FailValidation(string key, string value)
    {
        var options = Resolve(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => options.Value);
    }

    [Fact]
    public async Task RedisConnection_ConfigurationWithPassword_DescribesOnlyTheEndpoints()
    {
        var options = Options.Create(new RedisOptions { Configuration = "redis.example:6380,password=hunter2" });
        await using var connection = new RedisConnection(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisConnection>.Instance);

        Assert.Equal("redis.example:6380", connection.Endpoints);
    }

    [Fact]
    public async Task RedisConnection_SentinelConfiguration_SaysItReachesTheServiceThroughSentinel()
    {
        var options = Options.Create(new RedisOptions { Configuration = "s1.example:26379,s2.example:26379,serviceName=crmrouter,password=hunter2" });
        await using var connection = new RedisConnection(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisConnection>.Instance);

        Assert.Equal("service 'crmrouter' through Sentinel s1.example:26379,s2.example:26379", connection.Endpoints);
    }

    [Fact]
    public async Task RedisServer_Restarted_AnswersOnTheSamePort()
    {
        await using var server = new RedisServer();
        await server.StartAsync();
        var port = server.Port;

        await server.StopAsync();
        Assert.False(server.IsRunning);
        await server.StartAsync();

        Assert.True(server.IsRunning);
        Assert.Equal(port, server.Port);
    }
}

namespace AriCrmRouter.Storage.Tests;

/// <summary>Tests that stop and restart Redis: each such class owns its server instead of sharing one with others.</summary>
public abstract class OwnRedisServerTests : IAsyncLifetime
{
    protected RedisServer Redis { get; } = new();

    public Task InitializeAsync() => Redis.StartAsync();

    public Task DisposeAsync() => Redis.DisposeAsync();
}

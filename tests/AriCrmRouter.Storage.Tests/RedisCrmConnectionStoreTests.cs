namespace AriCrmRouter.Storage.Tests;

public sealed class RedisCrmConnectionStoreTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static CrmConnection Zoho(string name = "zoho-eu", string secret = "s3cr3t-token") => new(
        name,
        "zoho",
        new Dictionary<string, string> { ["region"] = "eu", ["clientId"] = "1000.ABC" },
        new Dictionary<string, string> { ["refreshToken"] = secret });

    private StorageHarness CreateHarness(out ICrmConnectionStore store)
    {
        var harness = StorageHarness.Create(redis);
        store = harness.Get<ICrmConnectionStore>();
        return harness;
    }

    [Fact]
    public async Task SaveAsync_ThenGet_RoundTripsKindSettingsAndSecrets()
    {
        await using var harness = CreateHarness(out var store);

        await store.SaveAsync(Zoho(), Ct);
        var loaded = await store.GetAsync("zoho-eu", Ct);

        Assert.NotNull(loaded);
        Assert.Equal("zoho-eu", loaded.Name);
        Assert.Equal("zoho", loaded.Kind);
        Assert.Equal("eu", loaded.Setting("region"));
        Assert.Equal("1000.ABC", loaded.Setting("clientId"));
        Assert.Equal("s3cr3t-token", loaded.Secret("refreshToken"));
    }

    [Fact]
    public async Task GetAsync_NameInOtherCase_FindsTheConnection()
    {
        await using var harness = CreateHarness(out var store);
        await store.SaveAsync(Zoho("Zoho-EU"), Ct);

        var loaded = await store.GetAsync("zoho-eu", Ct);

        Assert.Equal("Zoho-EU", loaded?.Name);
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        await using var harness = StorageHarness.Create(redis);

        Assert.Null(await harness.Get<ICrmConnectionStore>().GetAsync("nope", Ct));
    }

    [Fact]
    public async Task SaveAsync_SameNameTwice_ReplacesTheConnection()
    {
        await using var harness = CreateHarness(out var store);
        await store.SaveAsync(Zoho(secret: "old"), Ct);

        await store.SaveAsync(Zoho(secret: "new"), Ct);

        var all = await store.ListAsync(Ct);
        Assert.Equal("new", Assert.Single(all).Secret("refreshToken"));
    }

    [Fact]
    public async Task ListAsync_SeveralConnections_ReturnsThemOrderedByName()
    {
        await using var harness = CreateHarness(out var store);
        await store.SaveAsync(Zoho("zeta"), Ct);
        await store.SaveAsync(Zoho("Alpha"), Ct);
        await store.SaveAsync(Zoho("mid"), Ct);

        var names = (await store.ListAsync(Ct)).Select(c => c.Name);

        Assert.Equal(["Alpha", "mid", "zeta"], names);
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovesItAndReturnsTrue()
    {
        await using var harness = CreateHarness(out var store);
        await store.SaveAsync(Zoho(), Ct);

        var deleted = await store.DeleteAsync("ZOHO-eu", Ct);

        Assert.True(deleted);
        Assert.Null(await store.GetAsync("zoho-eu", Ct));
        Assert.False(await store.DeleteAsync("zoho-eu", Ct));
    }

    [Fact]
    public async Task GetAsync_StoredValueCorrupt_ThrowsWithoutQuotingIt()
    {
        await using var harness = StorageHarness.Create(redis);
        var raw = await harness.RawAsync();
        await raw.HashSetAsync(harness.Prefix + "crm:connections", "broken", "{\"kind\": \"zoho\", \"secrets\": {\"password\": \"hunter2\"");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => harness.Get<ICrmConnectionStore>().GetAsync("broken", Ct));

        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }
}

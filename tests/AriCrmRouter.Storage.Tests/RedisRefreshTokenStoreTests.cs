using AriCrmRouter.Crm.Auth;

namespace AriCrmRouter.Storage.Tests;

/// <summary>Rotated refresh tokens kept by the connection store: shared by routers, encrypted, replaced safely.</summary>
public sealed class RedisRefreshTokenStoreTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Configuration = "pipedrive-eu#0A1B2C";

    [Fact]
    public async Task ReplaceAsync_TokenRotated_AnotherRouterReadsItAndRedisHoldsItEncrypted()
    {
        var (prefix, keyRing) = ($"t{Guid.NewGuid():N}:", StorageHarness.NewKeyRing());
        await using var router = StorageHarness.Create(redis, settings: Shared(prefix, keyRing));
        await using var otherRouter = StorageHarness.Create(redis, settings: Shared(prefix, keyRing));

        Assert.True(await router.Get<IRefreshTokenStore>().ReplaceAsync("Pipedrive-EU", Configuration, null, "rotated-refresh-token-1", Ct));

        Assert.Equal("rotated-refresh-token-1", await otherRouter.Get<IRefreshTokenStore>().GetAsync("pipedrive-eu", Configuration, Ct));
        var raw = await (await router.RawAsync()).HashGetAllAsync(prefix + "crm:refresh-tokens");
        var stored = Assert.Single(raw);
        Assert.StartsWith(SecretProtector.EncryptedPrefix, stored.Value.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("rotated-refresh-token-1", stored.Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceAsync_AnotherRouterReplacedTheSpentTokenFirst_ReturnsFalseAndKeepsTheirs()
    {
        await using var harness = StorageHarness.Create(redis);
        var store = harness.Get<IRefreshTokenStore>();
        await store.ReplaceAsync("pipedrive-eu", Configuration, null, "token-1", Ct);
        await store.ReplaceAsync("pipedrive-eu", Configuration, "token-1", "token-2-from-router-a", Ct);

        var replaced = await store.ReplaceAsync("pipedrive-eu", Configuration, "token-1", "token-2-from-router-b", Ct);

        Assert.False(replaced);
        Assert.Equal("token-2-from-router-a", await store.GetAsync("pipedrive-eu", Configuration, Ct));
    }

    [Fact]
    public async Task GetAsync_ConnectionEditedSince_IgnoresTheTokenOfTheOldConfiguration()
    {
        await using var harness = StorageHarness.Create(redis);
        var store = harness.Get<IRefreshTokenStore>();
        await store.ReplaceAsync("pipedrive-eu", Configuration, null, "token-1", Ct);

        Assert.Null(await store.GetAsync("pipedrive-eu", "pipedrive-eu#FFFFFF", Ct));
        Assert.True(await store.ReplaceAsync("pipedrive-eu", "pipedrive-eu#FFFFFF", null, "token-of-new-configuration", Ct));
    }

    [Fact]
    public async Task DeleteAsync_Connection_RemovesItsRotatedToken()
    {
        await using var harness = StorageHarness.Create(redis);
        var connections = harness.Get<ICrmConnectionStore>();
        await connections.SaveAsync(new CrmConnection("pipedrive-eu", "pipedrive", new Dictionary<string, string>(), new Dictionary<string, string> { ["apiToken"] = "x" }), Ct);
        await connections.ReplaceAsync("pipedrive-eu", Configuration, null, "token-1", Ct);

        await connections.DeleteAsync("pipedrive-eu", Ct);

        Assert.Null(await connections.GetAsync("pipedrive-eu", Configuration, Ct));
    }

    private static Dictionary<string, string?> Shared(string prefix, string keyRing) => new()
    {
        ["Redis:KeyPrefix"] = prefix,
        ["Secrets:KeyRingPath"] = keyRing,
    };
}

using AriCrmRouter.Storage.Connections;

namespace AriCrmRouter.Storage.Tests;

/// <summary>Secrets in Redis (connection secrets, custom CRM header values) are encrypted with the key ring and read back only with it.</summary>
public sealed class SecretsAtRestTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const string ApiKey = "hdr-Pl41n-api-key";
    private const string RefreshToken = "conn-Pl41n-refresh-token";

    private readonly List<string> _keyRings = [];

    [Fact]
    public async Task SaveAsync_ConnectionSecret_StoredValueIsNotThePlainText()
    {
        await using var harness = StorageHarness.Create(redis);

        await harness.Get<ICrmConnectionStore>().SaveAsync(Zoho(), Ct);

        var raw = (await (await harness.RawAsync()).HashGetAsync(harness.Prefix + "crm:connections", "zoho-eu")).ToString();
        Assert.DoesNotContain(RefreshToken, raw, StringComparison.Ordinal);
        Assert.Contains(SecretProtector.EncryptedPrefix, raw, StringComparison.Ordinal);
        Assert.Equal(RefreshToken, (await harness.Get<ICrmConnectionStore>().GetAsync("zoho-eu", Ct))?.Secret("refreshToken"));
    }

    [Fact]
    public async Task ReplaceAsync_CustomCrmHeader_StoredDocumentHoldsNoPlainText()
    {
        await using var harness = StorageHarness.Create(redis);

        await harness.Get<IRuleStore>().ReplaceAsync(WithHeaderRule(), Ct);

        var raw = await RawRuleDocumentAsync(harness);
        Assert.DoesNotContain(ApiKey, raw, StringComparison.Ordinal);
        Assert.Contains(SecretProtector.EncryptedPrefix, raw, StringComparison.Ordinal);
        var loaded = (await harness.Get<IRuleStore>().LoadAsync(Ct)).RuleSet.FindByName("tenant-a")!;
        Assert.Equal(ApiKey, Assert.IsType<CustomCrmSource>(loaded.Crm).Headers["X-Api-Key"]);
    }

    [Fact]
    public async Task LoadAsync_KeyRingWithoutTheKey_OnlyTheRuleWithHeadersBecomesUnreadable()
    {
        var writerRing = NewKeyRing();
        await using var writer = StorageHarness.Create(redis, settings: KeyRingSetting(writerRing));
        await writer.Get<IRuleStore>().ReplaceAsync(WithHeaderRule(), Ct);

        await using var reader = SameKeysWithKeyRing(writer, NewKeyRing());
        var loaded = (await reader.Get<IRuleStore>().LoadAsync(Ct)).RuleSet;

        var unreadable = Assert.IsType<UnreadableCustomCrmSource>(loaded.FindByName("tenant-a")!.Crm);
        Assert.Contains("not in the key ring at", unreadable.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, unreadable.ToString(), StringComparison.Ordinal);
        Assert.IsType<IntegrationCrmSource>(loaded.FindByName("vip")!.Crm);
    }

    [Fact]
    public async Task LoadAsync_NoKeyRingConfigured_RuleIsUnreadableAndWritingItBackIsRefused()
    {
        await using var writer = StorageHarness.Create(redis);
        await writer.Get<IRuleStore>().ReplaceAsync(WithHeaderRule(), Ct);
        await using var reader = SameKeysWithKeyRing(writer, null);

        var loaded = (await reader.Get<IRuleStore>().LoadAsync(Ct)).RuleSet;

        var unreadable = Assert.IsType<UnreadableCustomCrmSource>(loaded.FindByName("tenant-a")!.Crm);
        Assert.Contains("no key ring is configured", unreadable.Reason, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<SecretUnreadableException>(() => reader.Get<IRuleStore>().ReplaceAsync(loaded, Ct));
        Assert.Contains("tenant-a", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, await RawRuleDocumentAsync(writer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ConnectionWrittenWithAnotherKey_ThrowsAClearErrorWithoutTheSecret()
    {
        await using var writer = StorageHarness.Create(redis);
        await writer.Get<ICrmConnectionStore>().SaveAsync(Zoho(), Ct);
        await using var reader = SameKeysWithKeyRing(writer, NewKeyRing());

        var error = await Assert.ThrowsAsync<SecretUnreadableException>(() => reader.Get<ICrmConnectionStore>().GetAsync("zoho-eu", Ct));

        Assert.Contains("CRM connection 'zoho-eu' cannot be decrypted", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RefreshToken, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewKey_AfterRotation_NewWritesUseItOldValuesStillDecryptAndReencryptRetiresTheOldKey()
    {
        var ring = NewKeyRing();
        await using var harness = StorageHarness.Create(redis, settings: KeyRingSetting(ring));
        var store = harness.Get<ICrmConnectionStore>();
        await store.SaveAsync(Zoho("old-conn"), Ct);
        var oldKeyFiles = Directory.GetFiles(ring, "key-*.xml");
        var oldPayload = await RawConnectionAsync(harness, "old-conn");

        using (var keys = SecretKeyRing.Open(ring))
        {
            keys.CreateKey(TimeProvider.System);
        }

        // A fresh reader of the same ring (as a router started after the rotation).
        await using var rotated = SameKeysWithKeyRing(harness, ring);
        var rotatedStore = rotated.Get<ICrmConnectionStore>();
        await rotatedStore.SaveAsync(Zoho("new-conn"), Ct);
        Assert.Equal(RefreshToken, (await rotatedStore.GetAsync("old-conn", Ct))?.Secret("refreshToken"));
        Assert.NotEqual(KeyIdOf(oldPayload), KeyIdOf(await RawConnectionAsync(harness, "new-conn")));

        var status = await rotated.Get<StoredSecrets>().ReencryptAsync(Ct);
        Assert.Equal((2, 0), (status.Encrypted, status.PlainText));
        foreach (var file in oldKeyFiles)
        {
            File.Delete(file);
        }

        await using var withoutOldKey = SameKeysWithKeyRing(harness, ring);
        Assert.Equal(RefreshToken, (await withoutOldKey.Get<ICrmConnectionStore>().GetAsync("old-conn", Ct))?.Secret("refreshToken"));
        Assert.Equal(RefreshToken, (await withoutOldKey.Get<ICrmConnectionStore>().GetAsync("new-conn", Ct))?.Secret("refreshToken"));
    }

    [Fact]
    public async Task ReencryptAsync_PlainTextLeftByAnOlderVersion_IsReadThenEncrypted()
    {
        await using var harness = StorageHarness.Create(redis);
        var raw = await harness.RawAsync();
        await raw.HashSetAsync(harness.Prefix + "crm:connections", "legacy", $$$"""{"name":"legacy","kind":"zoho","settings":{},"secrets":{"refreshToken":"{{{RefreshToken}}}"}}""");
        var secrets = harness.Get<StoredSecrets>();
        Assert.Equal(RefreshToken, (await harness.Get<ICrmConnectionStore>().GetAsync("legacy", Ct))?.Secret("refreshToken"));
        Assert.Equal((0, 1), ((await secrets.InspectAsync(Ct)).Encrypted, (await secrets.InspectAsync(Ct)).PlainText));

        var status = await secrets.ReencryptAsync(Ct);

        Assert.Equal((1, 0), (status.Encrypted, status.PlainText));
        Assert.DoesNotContain(RefreshToken, await RawConnectionAsync(harness, "legacy"), StringComparison.Ordinal);
        Assert.Equal(RefreshToken, (await harness.Get<ICrmConnectionStore>().GetAsync("legacy", Ct))?.Secret("refreshToken"));
    }

    public void Dispose()
    {
        foreach (var ring in _keyRings.Where(Directory.Exists))
        {
            Directory.Delete(ring, recursive: true);
        }
    }

    private string NewKeyRing()
    {
        var ring = StorageHarness.NewKeyRing();
        _keyRings.Add(ring);
        return ring;
    }

    /// <summary>Another harness on <paramref name="other"/>'s keys, reading them with <paramref name="keyRing"/> (null: no key ring configured).</summary>
    private StorageHarness SameKeysWithKeyRing(StorageHarness other, string? keyRing) => StorageHarness.Create(redis, settings: new Dictionary<string, string?>
    {
        ["Redis:KeyPrefix"] = other.Prefix,
        ["Secrets:KeyRingPath"] = keyRing,
    });

    private static Dictionary<string, string?> KeyRingSetting(string ring) => new() { ["Secrets:KeyRingPath"] = ring };

    private static CrmConnection Zoho(string name = "zoho-eu") => new(
        name,
        "zoho",
        new Dictionary<string, string> { ["region"] = "eu" },
        new Dictionary<string, string> { ["refreshToken"] = RefreshToken });

    private static RuleSet WithHeaderRule()
    {
        var tenant = SampleRules.Rule("tenant-a") with
        {
            Crm = new CustomCrmSource(new Uri("https://crm.example.com/lookup"), false, new Dictionary<string, string> { ["X-Api-Key"] = ApiKey }),
        };
        return new RuleSet([tenant, SampleRules.Rule("vip")], new Dictionary<string, string>());
    }

    private static async Task<string> RawRuleDocumentAsync(StorageHarness harness) =>
        (await (await harness.RawAsync()).StringGetAsync(harness.Prefix + "rules:document")).ToString();

    private static async Task<string> RawConnectionAsync(StorageHarness harness, string name) =>
        (await (await harness.RawAsync()).HashGetAsync(harness.Prefix + "crm:connections", name)).ToString();

    /// <summary>The Data Protection payload names its key in bytes 4-19 (after a 4-byte magic header).</summary>
    private static Guid KeyIdOf(string storedConnection)
    {
        var start = storedConnection.IndexOf(SecretProtector.EncryptedPrefix, StringComparison.Ordinal) + SecretProtector.EncryptedPrefix.Length;
        var end = storedConnection.IndexOf('"', start);
        var payload = storedConnection[start..end].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return new Guid(Convert.FromBase64String(payload).AsSpan(4, 16));
    }
}

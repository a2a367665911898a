using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.TestKit.Crm;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AriCrmRouter.Crm.Tests.Descriptors;

/// <summary>How lookups read the one connection store (<see cref="ICrmConnectionStore"/>): fresh for a while, the last known one in an outage.</summary>
public sealed class RecentConnectionsTests
{
    private static readonly CrmConnection Zoho = new("zoho-eu", "zoho", new Dictionary<string, string> { ["clientId"] = "1" }, new Dictionary<string, string>());

    private readonly FakeTimeProvider _time = new();
    private readonly FixedConnectionSource _store = new(Zoho);

    [Fact]
    public async Task FindAsync_WithinFreshness_ReadsTheStoreOnceAndAgainAfterIt()
    {
        var connections = Recent(TimeSpan.FromSeconds(5));

        await connections.FindAsync("zoho-eu", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4));
        await connections.FindAsync("ZOHO-EU", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        await connections.FindAsync("zoho-eu", CancellationToken.None);

        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task FindAsync_ZeroFreshness_ReadsEveryTime()
    {
        var connections = Recent(TimeSpan.Zero);

        await connections.FindAsync("zoho-eu", CancellationToken.None);
        await connections.FindAsync("zoho-eu", CancellationToken.None);

        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task FindAsync_StoreDownAfterARead_UsesTheLastKnownConnection()
    {
        var connections = await ReadThenFailAsync(new TimeoutException("redis"));

        Assert.Same(Zoho, await connections.FindAsync("zoho-eu", CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_StoreDownNeverRead_FailsAsUnavailable()
    {
        _store.Failure = new TimeoutException("redis");

        var failure = await Assert.ThrowsAsync<CrmLookupException>(() => Recent(TimeSpan.FromSeconds(5)).FindAsync("zoho-eu", CancellationToken.None));

        Assert.Equal(CrmFailureKind.Unavailable, failure.Kind);
    }

    [Fact]
    public async Task FindAsync_SecretsUnreadable_FailsAsConfigurationEvenWithALastKnownConnection()
    {
        var connections = await ReadThenFailAsync(new CrmSecretsUnreadableException("the secrets of CRM connection 'zoho-eu' cannot be decrypted"));

        var failure = await Assert.ThrowsAsync<CrmLookupException>(() => connections.FindAsync("zoho-eu", CancellationToken.None));

        Assert.Equal(CrmFailureKind.Configuration, failure.Kind);
    }

    /// <summary>Connections fresh for 5 s that read the store once; the store then fails and 10 s pass.</summary>
    private async Task<RecentConnections> ReadThenFailAsync(Exception failure)
    {
        var connections = Recent(TimeSpan.FromSeconds(5));
        await connections.FindAsync("zoho-eu", CancellationToken.None);
        _store.Failure = failure;
        _time.Advance(TimeSpan.FromSeconds(10));
        return connections;
    }

    private RecentConnections Recent(TimeSpan freshness) =>
        new(_store, Options.Create(new CrmOptions { ConnectionFreshness = freshness }), _time, NullLogger.Instance);
}

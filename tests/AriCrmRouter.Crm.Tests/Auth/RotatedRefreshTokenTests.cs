using AriCrmRouter.Crm.Auth;

namespace AriCrmRouter.Crm.Tests.Auth;

/// <summary>
/// Single-use refresh tokens (Pipedrive, SugarCRM, Bullhorn) go through the shared store: a second connector
/// instance (another router, or this one after a restart) refreshes with the token the first one received.
/// </summary>
public sealed class RotatedRefreshTokenTests
{
    private readonly InMemoryRefreshTokenStore _store = new();

    [Fact]
    public async Task PipedriveLookupAsync_RefreshTokenRotated_AnotherRouterRefreshesWithTheStoredToken()
    {
        await using var pipedrive = await StartPipedriveAsync();

        await LookupAsync(Pipedrive(_store), PipedriveConnection(pipedrive));
        var outcome = await LookupAsync(Pipedrive(_store), PipedriveConnection(pipedrive));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal([FakePipedrive.RefreshToken, "pipedrive-refresh-token-1"], pipedrive.RefreshTokensReceived);
    }

    [Fact]
    public async Task PipedriveLookupAsync_AnotherRouterSpentTheTokenMeanwhile_RefreshesWithTheTokenItStored()
    {
        await using var pipedrive = await StartPipedriveAsync();
        await LookupAsync(Pipedrive(_store), PipedriveConnection(pipedrive));

        // This router read the store before the other one wrote: it sends the spent token first.
        var outcome = await LookupAsync(Pipedrive(new StaleOnFirstRead(_store)), PipedriveConnection(pipedrive));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal([FakePipedrive.RefreshToken, FakePipedrive.RefreshToken, "pipedrive-refresh-token-1"], pipedrive.RefreshTokensReceived);
        Assert.Equal("pipedrive-refresh-token-2", await _store.GetAsync("pipedrive-oauth", CredentialKeyOf(PipedriveConnection(pipedrive)), CancellationToken.None));
    }

    [Fact]
    public async Task SugarCrmLookupAsync_AnotherRouterLoggedIn_RenewsWithTheStoredRefreshToken()
    {
        await using var sugar = await SugarCrmFake.StartAsync();
        sugar.Records.Add(new() { ["id"] = "c1", ["phone_work"] = "+14155551212", ["status_c"] = "GOLD" });
        var connection = sugar.Connection("sugar-test");
        var request = new CrmLookupRequest { Module = "Contacts", Field = "status_c", CallerNumber = "+1 415 555 1212" };

        using var first = new ConnectorTestHost<SugarCrmConnector>((http, options, time, logger) => new SugarCrmConnector(new VendorClient(http, options, time), logger, _store));
        await first.Connector.LookupAsync(connection, request, CancellationToken.None);
        using var second = new ConnectorTestHost<SugarCrmConnector>((http, options, time, logger) => new SugarCrmConnector(new VendorClient(http, options, time), logger, _store));
        var outcome = await second.Connector.LookupAsync(connection, request, CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal(["password", "refresh_token"], sugar.TokenRequests.Select(r => (string?)JsonNode.Parse(r.Body)!["grant_type"]));
    }

    [Fact]
    public async Task BullhornLookupAsync_AnotherRouterLoggedIn_RenewsWithTheStoredRefreshTokenWithoutThePassword()
    {
        await using var bullhorn = await BullhornFake.StartAsync();
        bullhorn.Records.Add(JsonNode.Parse("""{"id":123,"phone":"(415) 555-1212","mobile":"","customText1":"GOLD","customText2":"12345"}""")!.AsObject());
        var connection = bullhorn.Connection("bh");
        var request = new CrmLookupRequest { Module = "ClientContact", Field = "customText1", KeyField = "customText2", Dtmf = "12345", CallerNumber = "" };

        using var first = NewBullhornHost();
        await first.Connector.LookupAsync(connection, request, CancellationToken.None);
        using var second = NewBullhornHost();
        var outcome = await second.Connector.LookupAsync(connection, request, CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Single(bullhorn.Requests("/oauth/authorize"));
        Assert.Equal(["authorization_code", "refresh_token"], bullhorn.Requests("/oauth/token").Select(r => r.Body.Contains("grant_type=refresh_token", StringComparison.Ordinal) ? "refresh_token" : "authorization_code"));
    }

    private ConnectorTestHost<BullhornConnector> NewBullhornHost() => new(
        (http, options, time, logger) => new BullhornConnector(new VendorClient(http, options, time), logger, _store),
        services => services.AddBullhornAuthorizeClient());

    private static async Task<FakePipedrive> StartPipedriveAsync()
    {
        var pipedrive = await FakePipedrive.StartAsync();
        pipedrive.RotateRefreshTokens = true;
        pipedrive.AddPerson("(415) 555-1212", new JsonObject { [FakePipedrive.StatusKey] = 27 });
        return pipedrive;
    }

    private static PipedriveConnector Pipedrive(IRefreshTokenStore store) => new(
        new VendorClient(ConnectorTestHost.HttpClientFactory, Microsoft.Extensions.Options.Options.Create(new CrmOptions()), ConnectorTestHost.NewClock()),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<PipedriveConnector>.Instance,
        store);

    private static CrmConnection PipedriveConnection(FakePipedrive pipedrive) => ConnectorTestHost.Connection(
        "pipedrive",
        new() { ["baseUrl"] = "https://api.pipedrive.invalid", ["tokenUrl"] = pipedrive.Server.BaseUri + "oauth/token", ["clientId"] = "pd-client" },
        new() { ["clientSecret"] = FakePipedrive.ClientSecret, ["refreshToken"] = FakePipedrive.RefreshToken },
        name: "pipedrive-oauth");

    private static Task<LookupOutcome> LookupAsync(PipedriveConnector connector, CrmConnection connection) =>
        connector.LookupAsync(connection, ConnectorTestHost.ByPhone("persons", "Status", "(415) 555-1212"), CancellationToken.None);

    private static string CredentialKeyOf(CrmConnection connection) => Connectors.Shared.CredentialKey.For(connection);

    /// <summary>Answers its first read as if nothing was stored yet, as a router that read just before another one wrote.</summary>
    private sealed class StaleOnFirstRead(IRefreshTokenStore inner) : IRefreshTokenStore
    {
        private int _reads;

        public Task<string?> GetAsync(string connectionName, string credentialKey, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _reads) == 1 ? Task.FromResult<string?>(null) : inner.GetAsync(connectionName, credentialKey, cancellationToken);

        public Task<bool> ReplaceAsync(string connectionName, string credentialKey, string? replaced, string replacement, CancellationToken cancellationToken) =>
            inner.ReplaceAsync(connectionName, credentialKey, replaced, replacement, cancellationToken);
    }
}

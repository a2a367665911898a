namespace AriCrmRouter.Crm.Tests.Lookup;

/// <summary>Lookups when the CRM, the cache, the network guard or the caller fails (a failed outcome, never an exception), lookups through integration connections, and the test host.</summary>
public sealed partial class CrmLookupServiceTests
{
    [Theory]
    [InlineData(FakeCrmMode.Down)]
    [InlineData(FakeCrmMode.Garbage)]
    [InlineData(FakeCrmMode.Slow)]
    public async Task LookupAsync_CrmUnusable_FailsWithoutThrowingAndCachesNothing(FakeCrmMode mode)
    {
        _crm.Mode = mode;
        var rule = LookupRules.Custom(_crm.LookupUrl, lookup: new LookupSettings { Timeout = TimeSpan.FromMilliseconds(500) });

        var result = await _host.Lookup.LookupAsync(rule, new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        Assert.IsType<LookupOutcome.LookupFailure>(result.Outcome);
        Assert.Empty(_host.Cache.Entries);
    }

    [Fact]
    public async Task LookupAsync_SlowCrm_ReportsTheDeadline()
    {
        _crm.Mode = FakeCrmMode.Slow;
        var rule = LookupRules.Custom(_crm.LookupUrl, lookup: new LookupSettings { Timeout = TimeSpan.FromMilliseconds(300) });

        var result = await _host.Lookup.LookupAsync(rule, new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        var failure = Assert.IsType<LookupOutcome.LookupFailure>(result.Outcome);
        Assert.Contains("300 ms deadline", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_DownCrm_RetriesSafeRequestsWithinTheDeadline()
    {
        _crm.Mode = FakeCrmMode.Down;

        await _host.Lookup.LookupAsync(LookupRules.Custom(_crm.LookupUrl), new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        Assert.Equal(3, _crm.Requests.Count);
    }

    [Fact]
    public async Task LookupAsync_DownCrmWithPost_DoesNotRetry()
    {
        _crm.Mode = FakeCrmMode.Down;

        await _host.Lookup.LookupAsync(LookupRules.Custom(_crm.LookupUrl, usePost: true), new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        Assert.Single(_crm.Requests);
    }

    [Fact]
    public async Task LookupAsync_CrmKeepsFailing_OpensTheCircuitAndStopsCallingIt()
    {
        await _host.DisposeAsync();
        _host = NewHost(new Dictionary<string, string?> { ["Crm:MaxRetries"] = "0", ["Crm:CircuitBreaker:MinimumThroughput"] = "3" });
        _crm.Mode = FakeCrmMode.Down;
        var rule = LookupRules.Custom(_crm.LookupUrl);

        LookupResult last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await _host.Lookup.LookupAsync(rule, new CallerInput($"+1415555020{i}", null, "5551000"), CancellationToken.None);
        }

        var failure = Assert.IsType<LookupOutcome.LookupFailure>(last.Outcome);
        Assert.Contains("circuit open", failure.Reason, StringComparison.Ordinal);
        Assert.True(_crm.Requests.Count < 6, $"expected the breaker to stop requests, saw {_crm.Requests.Count}");
    }

    [Fact]
    public async Task StopAsync_LookupInFlight_EndsItAsFailedInsteadOfWaitingForTheDeadline()
    {
        _crm.Mode = FakeCrmMode.Slow;
        _crm.SlowDelay = TimeSpan.FromMinutes(5);
        var rule = LookupRules.Custom(_crm.LookupUrl, lookup: new LookupSettings { Timeout = TimeSpan.FromSeconds(30) });
        var lookup = _host.Lookup.LookupAsync(rule, new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);
        for (var i = 0; i < 500 && _crm.Requests.Count == 0; i++)
        {
            await Task.Delay(10);
        }

        await _host.Lookup.StopAsync();

        var failure = Assert.IsType<LookupOutcome.LookupFailure>((await lookup).Outcome);
        Assert.Contains("shutting down", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_CacheUnavailable_StillAsksTheCrm()
    {
        _host.Cache.Unavailable = true;

        var result = await _host.Lookup.LookupAsync(LookupRules.Custom(_crm.LookupUrl), new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), result.Outcome);
    }

    [Fact]
    public async Task LookupAsync_CallerHangsUp_ThrowsOperationCanceled()
    {
        _crm.Mode = FakeCrmMode.Slow;
        using var hangup = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _host.Lookup.LookupAsync(LookupRules.Custom(_crm.LookupUrl), new CallerInput("+14155550100", null, "5551000"), hangup.Token));
    }

    [Fact]
    public async Task LookupAsync_PlainHttpUrlToARemoteHost_FailsAsConfigurationWithoutARequest()
    {
        var rule = LookupRules.Custom(new Uri("http://crm.example.com/lookup"));

        var result = await _host.Lookup.LookupAsync(rule, new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        var failure = Assert.IsType<LookupOutcome.LookupFailure>(result.Outcome);
        Assert.Contains("https", failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task LookupAsync_CrmOnLoopbackNotAllowed_IsRefusedWhenConnectingAndNothingIsSent(string host)
    {
        await _host.DisposeAsync();
        _host = NewHost(new Dictionary<string, string?> { ["Crm:AllowedPrivateNetworks"] = "" });
        var url = new UriBuilder(_crm.LookupUrl) { Host = host }.Uri;

        var result = await _host.Lookup.LookupAsync(LookupRules.Custom(url), new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        var failure = Assert.IsType<LookupOutcome.LookupFailure>(result.Outcome);
        Assert.Contains("Configuration", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("Crm:AllowedPrivateNetworks", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(_crm.Requests);
    }

    [Fact]
    public async Task LookupAsync_IntegrationWithUnknownConnection_Fails()
    {
        var rule = LookupRules.Custom(_crm.LookupUrl) with { Crm = new IntegrationCrmSource("nowhere", "Contacts") };

        var result = await _host.Lookup.LookupAsync(rule, new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        var failure = Assert.IsType<LookupOutcome.LookupFailure>(result.Outcome);
        Assert.Contains("'nowhere' does not exist", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_IntegrationConnection_UsesTheConnectorOfItsKind()
    {
        await _host.DisposeAsync();
        var connector = new RecordingConnector("acme", LookupOutcome.Found("GOLD"));
        var connection = new CrmConnection("acme-prod", "acme", new Dictionary<string, string>(), new Dictionary<string, string> { ["token"] = "s3cret" });
        _host = NewHost(connectors: [connector], connections: [connection]);
        var rule = LookupRules.Custom(_crm.LookupUrl) with { Crm = new IntegrationCrmSource("acme-prod", "Contacts", "Account_Number") };

        var result = await _host.Lookup.LookupAsync(rule, new CallerInput("+14155550100", "12345", "5552000"), CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), result.Outcome);
        var request = Assert.Single(connector.Requests);
        Assert.Equal(("Contacts", "status", "Account_Number", "12345", "+14155550100"), (request.Module, request.Field, request.KeyField, request.Dtmf, request.CallerNumber));
    }

    private LookupTestHost NewHost(Dictionary<string, string?>? settings = null, ICrmConnector[]? connectors = null, CrmConnection[]? connections = null, ICrmConnectionStore? source = null)
    {
        settings ??= [];
        settings["Crm:ExtraTrustedCaFile"] = _certificates.WriteAuthorityPem(_directory);
        settings.TryAdd("Crm:AllowedPrivateNetworks", "127.0.0.0/8"); // the fake CRM listens on loopback
        // Generous bounds unless a test is about them (those set the rule's own deadline): on a loaded machine a cold
        // HTTPS handshake plus the slow CRM's 300 ms once took over the 2 s default deadline, failing 3 of the 10
        // callers of LookupAsync_ConcurrentSameQuestion_SharesOneCrmRequest, and a 1 s attempt would be retried.
        settings.TryAdd("Crm:DefaultLookupTimeout", "00:00:30");
        settings.TryAdd("Crm:AttemptTimeout", "00:00:30");
        return new LookupTestHost(settings, connectors, source ?? new FixedConnectionSource(connections ?? []));
    }

    private sealed class RecordingConnector(string kind, LookupOutcome outcome) : ICrmConnector
    {
        public List<CrmLookupRequest> Requests { get; } = [];

        public string Kind => kind;

        public IReadOnlyList<string> Validate(CrmConnection connection) => [];

        public Task<LookupOutcome> LookupAsync(CrmConnection connection, CrmLookupRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(outcome);
        }
    }
}

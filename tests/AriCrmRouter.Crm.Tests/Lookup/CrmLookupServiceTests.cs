namespace AriCrmRouter.Crm.Tests.Lookup;

public sealed class CrmLookupServiceTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private readonly string _directory = Directory.CreateTempSubdirectory("crmrouter-tests-").FullName;
    private FakeCustomCrm _crm = null!;
    private LookupTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _crm = await FakeCustomCrm.StartAsync(_certificates);
        _crm.Add("+14155550100", ("status", "GOLD"), ("lifetime_value", "1250"));
        _crm.Add("12345", ("status", "SILVER"));
        _host = NewHost();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _crm.DisposeAsync();
        _certificates.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task LookupAsync_KnownCallerOverHttpsWithExtraCa_FindsTheValueAndSendsTheDocumentedQuery()
    {
        var result = await _host.Lookup.LookupAsync(LookupRules.Custom(_crm.LookupUrl), new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), result.Outcome);
        Assert.False(result.CacheHit);
        var request = Assert.Single(_crm.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("?field_name=status&caller_id=%2B14155550100&did=5551000", request.Query);
    }

    [Fact]
    public async Task LookupAsync_DtmfCollected_SendsDtmfAndFindsByIt()
    {
        var result = await _host.Lookup.LookupAsync(LookupRules.Custom(_crm.LookupUrl), new CallerInput("+14155550199", "12345", "5552000"), CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("SILVER"), result.Outcome);
        Assert.Contains("dtmf=12345", Assert.Single(_crm.Requests).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_PostEnabled_SendsJsonBodyAndConfiguredHeaders()
    {
        var headers = new Dictionary<string, string> { ["X-Api-Key"] = "k-123" };
        var rule = LookupRules.Custom(_crm.LookupUrl, usePost: true, headers: headers);

        var result = await _host.Lookup.LookupAsync(rule, new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), result.Outcome);
        var request = Assert.Single(_crm.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("k-123", request.Headers["X-Api-Key"]);
        using var body = System.Text.Json.JsonDocument.Parse(request.Body);
        var sent = body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?> { ["field_name"] = "status", ["dtmf"] = "", ["caller_id"] = "+14155550100", ["did"] = "5551000" }, sent);
    }

    [Fact]
    public async Task LookupAsync_PostToCrmThatRefusesChunkedBodies_SendsTheBodyWithContentLength()
    {
        _crm.RefuseChunkedBodies = true;

        var result = await _host.Lookup.LookupAsync(LookupRules.Custom(_crm.LookupUrl, usePost: true), new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), result.Outcome);
        var request = Assert.Single(_crm.Requests);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(request.Body).ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["Content-Length"]);
        Assert.False(request.Headers.ContainsKey("Transfer-Encoding"));
    }

    [Fact]
    public async Task LookupAsync_SameQuestionTwice_SecondIsServedFromTheCache()
    {
        // Generous bounds: a cold, loaded machine must not turn the first lookup into a retry or a failure.
        await _host.DisposeAsync();
        _host = NewHost(new Dictionary<string, string?> { ["Crm:AttemptTimeout"] = "00:00:30" });
        var rule = LookupRules.Custom(_crm.LookupUrl, lookup: new LookupSettings { Timeout = TimeSpan.FromSeconds(30) });
        var input = new CallerInput("+14155550100", null, "5551000");

        var first = await _host.Lookup.LookupAsync(rule, input, CancellationToken.None);
        var second = await _host.Lookup.LookupAsync(rule, input, CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), first.Outcome);
        Assert.True(second.CacheHit);
        Assert.Equal(LookupOutcome.Found("GOLD"), second.Outcome);
        Assert.Single(_crm.Requests);
    }

    [Fact]
    public async Task LookupAsync_AnswerNotYetInTheCache_NextCallerJoinsTheFinishedRequest()
    {
        await _host.DisposeAsync();
        _host = NewHost(new Dictionary<string, string?> { ["Crm:CacheWriteTimeout"] = "00:00:05", ["Crm:AttemptTimeout"] = "00:00:30" });
        _host.Cache.HoldWrites = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rule = LookupRules.Custom(_crm.LookupUrl, lookup: new LookupSettings { Timeout = TimeSpan.FromSeconds(30) });
        var input = new CallerInput("+14155550100", null, "5551000");

        var first = await _host.Lookup.LookupAsync(rule, input, CancellationToken.None);
        await _host.Cache.WriteHeld.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await _host.Lookup.LookupAsync(rule, input, CancellationToken.None);
        _host.Cache.HoldWrites.SetResult();

        Assert.Equal(LookupOutcome.Found("GOLD"), first.Outcome);
        Assert.Equal(LookupOutcome.Found("GOLD"), second.Outcome);
        Assert.Single(_crm.Requests);
    }

    [Fact]
    public async Task LookupAsync_CacheWriteNeverEnds_FlightEndsAfterTheCacheWriteTimeout()
    {
        await _host.DisposeAsync();
        _host = NewHost(new Dictionary<string, string?> { ["Crm:CacheWriteTimeout"] = "00:00:00.050" });
        _host.Cache.HoldWrites = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rule = LookupRules.Custom(_crm.LookupUrl);
        var input = new CallerInput("+14155550100", null, "5551000");

        var first = await _host.Lookup.LookupAsync(rule, input, CancellationToken.None);
        await _host.Cache.WriteAbandoned.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 500 && _crm.Requests.Count < 2; i++)
        {
            await _host.Lookup.LookupAsync(rule, input, CancellationToken.None);
            await Task.Delay(10);
        }

        Assert.Equal(LookupOutcome.Found("GOLD"), first.Outcome);
        Assert.Equal(2, _crm.Requests.Count);
        Assert.Empty(_host.Cache.Entries);
    }

    [Fact]
    public async Task LookupAsync_SameUrlWithAnotherApiKey_IsNotServedTheOtherTenantsAnswer()
    {
        var input = new CallerInput("+14155550100", null, "5551000");
        var tenantA = LookupRules.Custom(_crm.LookupUrl, headers: new Dictionary<string, string> { ["X-Api-Key"] = "tenant-a" });
        var tenantB = LookupRules.Custom(_crm.LookupUrl, headers: new Dictionary<string, string> { ["X-Api-Key"] = "tenant-b" });

        await _host.Lookup.LookupAsync(tenantA, input, CancellationToken.None);
        var second = await _host.Lookup.LookupAsync(tenantB, input, CancellationToken.None);

        Assert.False(second.CacheHit);
        Assert.Equal(["tenant-a", "tenant-b"], _crm.Requests.Select(r => r.Headers["X-Api-Key"]));
        Assert.Equal(2, _host.Cache.Entries.Count);
        Assert.DoesNotContain(_host.Cache.Entries.Keys, k => k.Contains("tenant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LookupAsync_ConnectionEdited_DoesNotServeTheOldConnectionsAnswer()
    {
        await _host.DisposeAsync();
        var connector = new RecordingConnector("acme", LookupOutcome.Found("GOLD"));
        var connection = new CrmConnection("acme-prod", "acme", new Dictionary<string, string> { ["baseUrl"] = "https://eu.acme.example" }, new Dictionary<string, string> { ["token"] = "s3cret" });
        var source = new FixedConnectionSource(connection);
        _host = NewHost(new() { ["Crm:ConnectionFreshness"] = "00:00:00" }, connectors: [connector], source: source);
        var rule = LookupRules.Custom(_crm.LookupUrl) with { Crm = new IntegrationCrmSource("acme-prod", "Contacts") };
        var input = new CallerInput("+14155550100", null, "5552000");

        await _host.Lookup.LookupAsync(rule, input, CancellationToken.None);
        var unchanged = await _host.Lookup.LookupAsync(rule, input, CancellationToken.None);
        await source.SaveAsync(connection with { Settings = new Dictionary<string, string> { ["baseUrl"] = "https://us.acme.example" } }, CancellationToken.None);
        var edited = await _host.Lookup.LookupAsync(rule, input, CancellationToken.None);

        Assert.True(unchanged.CacheHit);
        Assert.False(edited.CacheHit);
        Assert.Equal(2, connector.Requests.Count);
    }

    [Fact]
    public async Task LookupAsync_UnknownCaller_IsCachedAsNegativeWithTheRuleTtl()
    {
        var rule = LookupRules.Custom(_crm.LookupUrl, lookup: new LookupSettings { NegativeCacheTtl = TimeSpan.FromSeconds(7) });

        var result = await _host.Lookup.LookupAsync(rule, new CallerInput("+14155550111", null, "5551000"), CancellationToken.None);

        Assert.Equal(LookupOutcome.NotFound, result.Outcome);
        var entry = Assert.Single(_host.Cache.Entries);
        Assert.Null(entry.Value.Answer.Value);
        Assert.Equal(TimeSpan.FromSeconds(7), entry.Value.Ttl);
    }

    [Fact]
    public async Task LookupAsync_CacheKey_DoesNotContainTheCallerNumber()
    {
        await _host.Lookup.LookupAsync(LookupRules.Custom(_crm.LookupUrl), new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        var key = Assert.Single(_host.Cache.Entries).Key;
        Assert.DoesNotContain("4155550100", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_ConcurrentSameQuestion_SharesOneCrmRequest()
    {
        _crm.Mode = FakeCrmMode.Slow;
        _crm.SlowDelay = TimeSpan.FromMilliseconds(300);
        var rule = LookupRules.Custom(_crm.LookupUrl);
        var input = new CallerInput("+14155550100", null, "5551000");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _host.Lookup.LookupAsync(rule, input, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(LookupOutcome.Found("GOLD"), r.Outcome));
        Assert.Single(_crm.Requests);
    }

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

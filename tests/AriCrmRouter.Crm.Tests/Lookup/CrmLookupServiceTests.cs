namespace AriCrmRouter.Crm.Tests.Lookup;

/// <summary>The custom CRM lookup over HTTPS: what is sent, what is cached and when a request is shared; failures in the .Failures part.</summary>
public sealed partial class CrmLookupServiceTests : IAsyncLifetime
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
}

namespace AriCrmRouter.Crm.Tests.SuiteCrm;

public sealed class SuiteCrmLegacyConnectorTests() : ConnectorPage(new ConnectorTestHost<SuiteCrmConnector>((http, options, time, logger) => new SuiteCrmConnector(new VendorClient(http, options, time), logger)))
{
    private SuiteCrmFake _fake = null!;

    public override async Task InitializeAsync()
    {
        _fake = await OwnAsync(SuiteCrmFake.StartAsync());
        _fake.Records.Add(new() { ["id"] = "c1", ["phone_work"] = "(415) 555-1212", ["status_c"] = "GOLD", ["account_no_c"] = "12345" });
        _fake.Records.Add(new() { ["id"] = "c2", ["phone_mobile"] = "+442079460000", ["status_c"] = "", ["account_no_c"] = "777" });
    }

    private CrmConnection Connection(string password = SuiteCrmFake.Password) => new(
        "suite7",
        "suitecrm",
        new Dictionary<string, string> { ["url"] = _fake.Url.ToString(), ["api"] = "v4_1", ["username"] = SuiteCrmFake.User },
        new Dictionary<string, string> { ["password"] = password });

    private static CrmLookupRequest ByPhone(string caller = "+1 415 555 1212") => ConnectorTestHost.ByPhone("Contacts", "status_c", caller);

    private static CrmLookupRequest ByKey(string dtmf) => ConnectorTestHost.ByKey("Contacts", "status_c", "account_no_c", dtmf, callerNumber: "");

    [Fact]
    public async Task LookupAsync_CallerNumberMatchesPhoneField_ReturnsFieldValue()
    {
        var outcome = await Lookup(Connection(), ByPhone());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        var query = _fake.LastLegacyQuery();
        Assert.StartsWith("contacts.phone_work IN ('+14155551212', '+1 415-555-1212', '(415) 555-1212', '4155551212', '14155551212', '+1 415 555 1212', ", query, StringComparison.Ordinal);
        Assert.Contains("'415-555-1212', '415.555.1212'", query, StringComparison.Ordinal);
        Assert.Contains(") OR contacts.phone_mobile IN ('+14155551212', ", query, StringComparison.Ordinal);
        Assert.Contains(") OR contacts.phone_other IN ('+14155551212', ", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_DtmfMatchesCustomKeyField_QueriesCustomTable()
    {
        var outcome = await Lookup(Connection(), ByKey("12345"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal("contacts_cstm.account_no_c = '12345'", _fake.LastLegacyQuery());
    }

    [Fact]
    public async Task LookupAsync_TwoLookups_LogsInOnceWithMd5Password()
    {
        await Lookup(Connection(), ByPhone());
        await Lookup(Connection(), ByKey("12345"));

        var login = Assert.Single(_fake.Logins);
        Assert.DoesNotContain(Uri.EscapeDataString(SuiteCrmFake.Password), login.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_SessionOlderThanLifetime_LogsInAgainBeforeUse()
    {
        await LookupTwiceAsync(Connection(), ByPhone(), TimeSpan.FromMinutes(19.5));

        Assert.Equal(2, _fake.Logins.Count());
        Assert.Equal(2, _fake.Lookups.Count());
    }

    [Fact]
    public async Task LookupAsync_InvalidSessionIdWithHttp200_LogsInAgainAndSucceeds()
    {
        await Lookup(Connection(), ByPhone());
        _fake.ExpireIssuedTokens();

        var outcome = await Lookup(Connection(), ByPhone());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal(2, _fake.Logins.Count());
    }

    [Fact]
    public async Task LookupAsync_SessionRejectedAfterRelogin_ThrowsUnauthorized()
    {
        _fake.RejectEveryToken = true;

        await FailsAsAsync(CrmFailureKind.Unauthorized, Connection(), ByPhone());
        Assert.Equal(2, _fake.Lookups.Count());
    }

    [Fact]
    public async Task LookupAsync_InvalidLogin_ThrowsUnauthorized()
    {
        await FailsAsAsync(CrmFailureKind.Unauthorized, Connection("wrong"), ByPhone());
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_IsOneEscapedSqlLiteral()
    {
        await Lookup(Connection(), ByPhone("' OR 1=1 --"));

        Assert.Equal(
            "contacts.phone_work IN ('11', ''' OR 1=1 --') OR contacts.phone_mobile IN ('11', ''' OR 1=1 --') OR contacts.phone_home IN ('11', ''' OR 1=1 --') OR contacts.phone_other IN ('11', ''' OR 1=1 --')",
            _fake.LastLegacyQuery());
    }

    [Fact]
    public async Task LookupAsync_HostileDtmf_DoublesQuotesAndDropsBackslashes()
    {
        var outcome = await Lookup(Connection(), ByKey("1') OR ('1'='1\\\"*"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.Equal("contacts_cstm.account_no_c = '1'') OR (''1''=''1\"*'", _fake.LastLegacyQuery());
    }

    [Fact]
    public async Task LookupAsync_AnyLookup_KeepsSessionAndPasswordOutOfUrls()
    {
        await Lookup(Connection(), ByPhone());

        Assert.All(_fake.Server.Requests, r => Assert.Equal("", r.Query));
        Assert.Contains("session-1", Assert.Single(_fake.Lookups).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LegacyWithoutCredentials_NamesEachOne()
    {
        var problems = Connector.Validate(new CrmConnection("bad", "suitecrm", new Dictionary<string, string> { ["url"] = "https://crm.example.com", ["api"] = "v4_1" }, new Dictionary<string, string>()));

        Assert.Equal(2, problems.Count);
        AssertNamesEach(problems, "username", "password");
    }

    [Fact]
    public void Validate_UnknownApi_SaysWhichValuesAreAllowed()
    {
        var problems = Connector.Validate(new CrmConnection("bad", "suitecrm", new Dictionary<string, string> { ["url"] = "https://crm.example.com", ["api"] = "v3" }, new Dictionary<string, string>()));

        Assert.Contains(problems, p => p.Contains("'api' must be 'v4_1'", StringComparison.Ordinal));
    }
}

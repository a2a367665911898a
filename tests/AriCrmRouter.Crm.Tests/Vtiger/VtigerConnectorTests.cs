using AriCrmRouter.Crm.Connectors.Vtiger;

namespace AriCrmRouter.Crm.Tests.Vtiger;

public sealed class VtigerConnectorTests() : ConnectorPage(new ConnectorTestHost<VtigerConnector>((http, options, time, logger) => new VtigerConnector(new VendorClient(http, options, time), logger)))
{
    private VtigerFake _fake = null!;

    public override async Task InitializeAsync()
    {
        _fake = await OwnAsync(VtigerFake.StartAsync());
        _fake.Records.Add(new() { ["id"] = "12x34", ["mobile"] = "+14155551212", ["cf_853"] = "GOLD", ["cf_900"] = "12345" });
        _fake.Records.Add(new() { ["id"] = "12x35", ["phone"] = "020 7946 0000", ["cf_853"] = "", ["cf_900"] = "777" });
    }

    private CrmConnection Connection(string accessKey = VtigerFake.AccessKey) => new(
        "vt",
        "vtiger",
        new Dictionary<string, string> { ["url"] = new Uri(_fake.Url, "crm/").ToString(), ["username"] = VtigerFake.User },
        new Dictionary<string, string> { ["accessKey"] = accessKey });

    private static CrmLookupRequest ByPhone(string caller = "4155551212") => new() { Module = "Contacts", Field = "cf_853", CallerNumber = caller };

    private static CrmLookupRequest ByKey(string dtmf) => new() { Module = "Contacts", Field = "cf_853", KeyField = "cf_900", Dtmf = dtmf, CallerNumber = "" };

    [Fact]
    public async Task LookupAsync_CallerNumberMatchesMobile_ReturnsFieldValue()
    {
        var outcome = await Connector.LookupAsync(Connection(), ByPhone(), CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.StartsWith("SELECT id,cf_853 FROM Contacts WHERE phone='+14155551212' OR phone='+1 415-555-1212'", _fake.LastQuery(), StringComparison.Ordinal);
        Assert.Contains(" OR mobile='4155551212' OR ", _fake.LastQuery(), StringComparison.Ordinal);
        Assert.Contains(" OR homephone='415-555-1212' OR ", _fake.LastQuery(), StringComparison.Ordinal);
        Assert.EndsWith("' LIMIT 1;", _fake.LastQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_DtmfMatchesCustomField_ReturnsFieldValue()
    {
        var outcome = await Connector.LookupAsync(Connection(), ByKey("12345"), CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal("SELECT id,cf_853 FROM Contacts WHERE cf_900='12345' LIMIT 1;", _fake.LastQuery());
    }

    [Fact]
    public async Task LookupAsync_SessionOlderThanLifetime_LogsInAgainBeforeUse()
    {
        await Connector.LookupAsync(Connection(), ByKey("12345"), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(19.5));

        await Connector.LookupAsync(Connection(), ByKey("12345"), CancellationToken.None);

        Assert.Equal(2, _fake.Logins.Count());
        Assert.Equal(2, _fake.Queries.Count());
    }

    [Fact]
    public async Task LookupAsync_InvalidSessionIdWithHttp200_LogsInAgainAndSucceeds()
    {
        await Connector.LookupAsync(Connection(), ByKey("12345"), CancellationToken.None);
        _fake.Revoke();

        Assert.Equal(LookupOutcome.Found("GOLD"), await Connector.LookupAsync(Connection(), ByKey("12345"), CancellationToken.None));
        Assert.Equal(2, _fake.Logins.Count());
    }

    [Fact]
    public async Task LookupAsync_SessionRejectedAfterRelogin_ThrowsUnauthorized()
    {
        _fake.RejectAllSessions = true;

        var error = await Assert.ThrowsAsync<CrmLookupException>(() => Connector.LookupAsync(Connection(), ByKey("1"), CancellationToken.None));

        Assert.Equal(CrmFailureKind.Unauthorized, error.Kind);
        Assert.Equal(2, _fake.Queries.Count());
    }

    [Fact]
    public async Task LookupAsync_WrongAccessKey_ThrowsUnauthorized()
    {
        var error = await Assert.ThrowsAsync<CrmLookupException>(() => Connector.LookupAsync(Connection("wrong-key"), ByKey("1"), CancellationToken.None));

        Assert.Equal(CrmFailureKind.Unauthorized, error.Kind);
    }

    [Fact]
    public async Task LookupAsync_AnswerWithoutSuccessFlag_ThrowsMalformedResponse()
    {
        _fake.QueryOverride = context => context.Response.WriteAsync("{\"result\":[]}");

        var error = await Assert.ThrowsAsync<CrmLookupException>(() => Connector.LookupAsync(Connection(), ByKey("1"), CancellationToken.None));

        Assert.Equal(CrmFailureKind.MalformedResponse, error.Kind);
    }

    [Fact]
    public async Task LookupAsync_QuerySyntaxError_ThrowsConfiguration()
    {
        _fake.QueryOverride = context => context.Response.WriteAsJsonAsync(new { success = false, error = new { code = "QUERY_SYNTAX_ERROR", message = "Syntax Error on line 1: token 'x' Unexpected" } });

        var error = await Assert.ThrowsAsync<CrmLookupException>(() => Connector.LookupAsync(Connection(), ByKey("1"), CancellationToken.None));

        Assert.Equal(CrmFailureKind.Configuration, error.Kind);
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_IsOneQuotedLiteral()
    {
        await Connector.LookupAsync(Connection(), ByPhone("' OR 1=1 --"), CancellationToken.None);

        Assert.Equal("SELECT id,cf_853 FROM Contacts WHERE phone='11' OR phone=''' OR 1=1 --' OR mobile='11' OR mobile=''' OR 1=1 --' OR homephone='11' OR homephone=''' OR 1=1 --' OR otherphone='11' OR otherphone=''' OR 1=1 --' LIMIT 1;", _fake.LastQuery());
    }

    [Fact]
    public async Task LookupAsync_HostileDtmf_DoublesQuotesAndDropsBackslashes()
    {
        var outcome = await Connector.LookupAsync(Connection(), ByKey("1') OR (cf_900='777\\\";"), CancellationToken.None);

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.Equal("SELECT id,cf_853 FROM Contacts WHERE cf_900='1'') OR (cf_900=''777\";' LIMIT 1;", _fake.LastQuery());
    }

    [Fact]
    public async Task LookupAsync_DtmfOfOnlyBackslashes_ReturnsNotFoundWithoutQuerying()
    {
        Assert.Equal(LookupOutcome.NotFound, await Connector.LookupAsync(Connection(), ByKey("\\\\"), CancellationToken.None));
        Assert.Empty(_fake.Server.Requests);
    }

    [Fact]
    public async Task LookupAsync_AnyLookup_KeepsAccessKeyOutOfRequests()
    {
        await Connector.LookupAsync(Connection(), ByKey("12345"), CancellationToken.None);

        Assert.All(_fake.Server.Requests, r =>
        {
            Assert.DoesNotContain(VtigerFake.AccessKey, r.Query, StringComparison.Ordinal);
            Assert.DoesNotContain(VtigerFake.AccessKey, r.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Validate_MissingSettings_NamesEachOne()
    {
        var problems = Connector.Validate(new CrmConnection("bad", "vtiger", new Dictionary<string, string>(), new Dictionary<string, string>()));

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("'url'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'username'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'accessKey'", StringComparison.Ordinal));
    }
}

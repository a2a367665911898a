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

    private CrmConnection Connection(string accessKey = VtigerFake.AccessKey) => _fake.Connection("vt", accessKey);

    private static CrmLookupRequest ByPhone(string caller = "4155551212") => ConnectorTestHost.ByPhone("Contacts", "cf_853", caller);

    private static CrmLookupRequest ByKey(string dtmf) => ConnectorTestHost.ByKey("Contacts", "cf_853", "cf_900", dtmf, callerNumber: "");

    [Fact]
    public async Task LookupAsync_CallerNumberMatchesMobile_ReturnsFieldValue()
    {
        var outcome = await Lookup(Connection(), ByPhone());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.StartsWith("SELECT id,cf_853 FROM Contacts WHERE phone='+14155551212' OR phone='+1 415-555-1212'", _fake.LastQuery(), StringComparison.Ordinal);
        Assert.Contains(" OR mobile='4155551212' OR ", _fake.LastQuery(), StringComparison.Ordinal);
        Assert.Contains(" OR homephone='415-555-1212' OR ", _fake.LastQuery(), StringComparison.Ordinal);
        Assert.EndsWith("' LIMIT 1;", _fake.LastQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_DtmfMatchesCustomField_ReturnsFieldValue()
    {
        var outcome = await Lookup(Connection(), ByKey("12345"));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal("SELECT id,cf_853 FROM Contacts WHERE cf_900='12345' LIMIT 1;", _fake.LastQuery());
    }

    [Fact]
    public async Task LookupAsync_SessionOlderThanLifetime_LogsInAgainBeforeUse()
    {
        await LookupTwiceAsync(Connection(), ByKey("12345"), TimeSpan.FromMinutes(19.5));

        Assert.Equal(2, _fake.Logins.Count());
        Assert.Equal(2, _fake.Queries.Count());
    }

    [Fact]
    public async Task LookupAsync_InvalidSessionIdWithHttp200_LogsInAgainAndSucceeds()
    {
        Assert.Equal(LookupOutcome.Found("GOLD"), await LookupTwiceAsync(Connection(), ByKey("12345"), _fake.ExpireIssuedTokens));
        Assert.Equal(2, _fake.Logins.Count());
    }

    [Fact]
    public async Task LookupAsync_SessionRejectedAfterRelogin_ThrowsUnauthorized()
    {
        _fake.RejectEveryToken = true;

        await FailsAsAsync(CrmFailureKind.Unauthorized, Connection(), ByKey("1"));
        Assert.Equal(2, _fake.Queries.Count());
    }

    [Fact]
    public async Task LookupAsync_WrongAccessKey_ThrowsUnauthorized()
    {
        await FailsAsAsync(CrmFailureKind.Unauthorized, Connection("wrong-key"), ByKey("1"));
    }

    [Fact]
    public async Task LookupAsync_HostileCallerId_IsOneQuotedLiteral()
    {
        await Lookup(Connection(), ByPhone("' OR 1=1 --"));

        Assert.Equal("SELECT id,cf_853 FROM Contacts WHERE phone='11' OR phone=''' OR 1=1 --' OR mobile='11' OR mobile=''' OR 1=1 --' OR homephone='11' OR homephone=''' OR 1=1 --' OR otherphone='11' OR otherphone=''' OR 1=1 --' LIMIT 1;", _fake.LastQuery());
    }

    [Fact]
    public async Task LookupAsync_HostileDtmf_DoublesQuotesAndDropsBackslashes()
    {
        var outcome = await Lookup(Connection(), ByKey("1') OR (cf_900='777\\\";"));

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.Equal("SELECT id,cf_853 FROM Contacts WHERE cf_900='1'') OR (cf_900=''777\";' LIMIT 1;", _fake.LastQuery());
    }

    [Fact]
    public async Task LookupAsync_DtmfOfOnlyBackslashes_ReturnsNotFoundWithoutQuerying()
    {
        Assert.Equal(LookupOutcome.NotFound, await Lookup(Connection(), ByKey("\\\\")));
        Assert.Empty(_fake.Server.Requests);
    }

    [Fact]
    public async Task LookupAsync_AnyLookup_KeepsAccessKeyOutOfRequests()
    {
        await Lookup(Connection(), ByKey("12345"));

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
        AssertNamesEach(problems, "url", "username", "accessKey");
    }
}

namespace AriCrmRouter.Crm.Tests.Zendesk;

public sealed class ZendeskShortCallerIdTests() : ConnectorPage(new ConnectorTestHost<ZendeskConnector>((http, options, time, logger) => new ZendeskConnector(new VendorClient(http, options, time), logger)))
{
    private ZendeskFake _fake = null!;

    public override async Task InitializeAsync()
    {
        _fake = await OwnAsync(ZendeskFake.StartAsync());
        _fake.Users.Add(JsonNode.Parse("""{"id":501,"name":"Ann","phone":"+14155550123","user_fields":{"status":"GOLD"}}""")!.AsObject());
    }

    [Theory]
    [InlineData("3")]
    [InlineData("23")]
    [InlineData("123")]
    [InlineData("550123")]
    public async Task LookupAsync_CallerIdShorterThanASubscriberNumber_IsNotFoundWithoutSearching(string callerId)
    {
        var outcome = await Connector.LookupAsync(Connection(), new CrmLookupRequest { Module = "users", Field = "status", CallerNumber = callerId }, CancellationToken.None);

        Assert.Equal(LookupOutcome.NotFound, outcome);
        Assert.DoesNotContain(_fake.Server.Requests, r => r.Path.EndsWith("search.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LookupAsync_SevenDigitCallerId_Searches()
    {
        var outcome = await Connector.LookupAsync(Connection(), new CrmLookupRequest { Module = "users", Field = "status", CallerNumber = "5550123" }, CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Equal("type:user phone:*5550123", _fake.LastSearchQuery());
    }

    private CrmConnection Connection() => new(
        "zd",
        "zendesk",
        new Dictionary<string, string> { ["url"] = _fake.Url.ToString(), ["email"] = ZendeskFake.Email },
        new Dictionary<string, string> { ["apiToken"] = ZendeskFake.ApiToken });
}

namespace AriCrmRouter.Crm.Tests.Dynamics;

/// <summary>Every spelling of a number makes a long <c>$filter</c>: on-premises IIS accepts 2048 bytes of query string by default.</summary>
public sealed class DynamicsFilterLengthTests() : ConnectorPage(new ConnectorTestHost<DynamicsConnector>((http, options, time, logger) => new DynamicsConnector(new VendorClient(http, options, time), logger)))
{
    private FakeDynamics _dynamics = null!;

    public override async Task InitializeAsync()
    {
        _dynamics = await OwnAsync(FakeDynamics.StartAsync());
        _dynamics.WebApiRecords["contacts"] = [new JsonObject { ["contactid"] = "a1", ["telephone3"] = "(020) 7946 0018", ["new_status"] = "GOLD" }];
    }

    [Fact]
    public async Task LookupAsync_OnPremisesServer_SplitsTheFilterUnderTheIisQueryStringLimit()
    {
        var outcome = await Lookup(Connection());

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.True(_dynamics.Queries.Count() > 1);
        Assert.All(_dynamics.Queries, q => Assert.InRange(q.Query.Length, 1, 2048));
    }

    [Fact]
    public async Task LookupAsync_LargerConfiguredFilterLength_AsksInOneQuery()
    {
        var outcome = await Lookup(Connection(("maxFilterLength", "30000")));

        Assert.Equal(LookupOutcome.Found("GOLD"), outcome);
        Assert.Single(_dynamics.Queries);
    }

    [Fact]
    public void Validate_FilterLengthOutOfRange_IsAProblem()
    {
        Assert.Contains(Connector.Validate(Connection(("maxFilterLength", "100"))), p => p.Contains("'maxFilterLength'", StringComparison.Ordinal));
    }

    private Task<LookupOutcome> Lookup(CrmConnection connection) =>
        Lookup(connection, ConnectorTestHost.ByPhone("contacts", "new_status", "+442079460018"));

    private CrmConnection Connection(params (string Key, string Value)[] extra) => _dynamics.WebApiConnection(extra);
}

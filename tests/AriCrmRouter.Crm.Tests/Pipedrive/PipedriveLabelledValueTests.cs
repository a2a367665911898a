namespace AriCrmRouter.Crm.Tests.Pipedrive;

public sealed class PipedriveLabelledValueTests() : ConnectorPage(new ConnectorTestHost<PipedriveConnector>((http, options, time, logger) => new PipedriveConnector(new VendorClient(http, options, time), logger)))
{
    private FakePipedrive _pipedrive = null!;

    public override async Task InitializeAsync()
    {
        _pipedrive = await OwnAsync(FakePipedrive.StartAsync());
        _pipedrive.Persons.Add(new JsonObject
        {
            ["id"] = 1,
            ["name"] = "Jane Doe",
            ["owner_id"] = 5,
            ["org_id"] = null,
            ["phones"] = new JsonArray(
                new JsonObject { ["value"] = "(415) 555-0100", ["primary"] = true, ["label"] = "work" },
                new JsonObject { ["value"] = "+44 20 7946 0018", ["primary"] = false, ["label"] = "mobile" }),
            ["emails"] = new JsonArray(),
            ["custom_fields"] = new JsonObject { [FakePipedrive.CustomerNumberKey] = "line one\nline two" },
        });
    }

    [Fact]
    public async Task LookupAsync_PhoneField_ReadsTheNumbersNotTheirLabels()
    {
        var outcome = await Lookup("phone");

        Assert.Equal(LookupOutcome.Found("(415) 555-0100, +44 20 7946 0018"), outcome);
    }

    [Fact]
    public async Task LookupAsync_TextFieldWithControlCharacters_IsMalformed()
    {
        var failure = await Assert.ThrowsAsync<CrmLookupException>(() => Lookup("Customer number"));

        Assert.Equal(CrmFailureKind.MalformedResponse, failure.Kind);
    }

    private Task<LookupOutcome> Lookup(string field) => Connector.LookupAsync(
        ConnectorTestHost.Connection("pipedrive", new() { ["baseUrl"] = _pipedrive.Server.BaseUri.ToString() }, new() { ["apiToken"] = FakePipedrive.ApiToken }),
        ConnectorTestHost.ByPhone("persons", field, "+14155550100"),
        CancellationToken.None);
}

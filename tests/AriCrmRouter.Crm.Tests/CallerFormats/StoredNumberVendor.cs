namespace AriCrmRouter.Crm.Tests.CallerFormats;

/// <summary>
/// One connector against its fake, reduced to "store one record whose phone is <c>stored</c>, then look the
/// caller up": the fakes compare stored text the way their vendor does, so this measures what a caller
/// finds however the CRM stored the number. A vendor contributes only how its fake stores that record.
/// </summary>
/// <param name="store">Replaces the fake's records with one whose phone (the given field, else the module's main one) is the stored text.</param>
internal sealed class StoredNumberVendor(string name, FakeVendor fake, IConnectorHost host, CrmConnection connection, string module, string field, Action<string, string?> store)
    : IAsyncDisposable
{
    public static readonly string[] Names =
        ["zoho", "salesforce", "hubspot", "dynamics", "pipedrive", "sugarcrm", "suitecrm (v8)", "suitecrm (v4_1)", "vtiger", "zendesk", "bullhorn"];

    public string Name => name;

    /// <summary>The longest path and query the connector sent (GET URLs are limited by web servers).</summary>
    public int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

    public static async Task<StoredNumberVendor> StartAsync(string name) => name switch
    {
        "zoho" => Zoho(await FakeZoho.StartAsync()),
        "salesforce" => Salesforce(await FakeSalesforce.StartAsync()),
        "hubspot" => HubSpot(await FakeHubSpot.StartAsync()),
        "dynamics" => Dynamics(await FakeDynamics.StartAsync()),
        "pipedrive" => Pipedrive(await FakePipedrive.StartAsync()),
        "sugarcrm" => SugarCrm(await SugarCrmFake.StartAsync()),
        "suitecrm (v8)" => SuiteCrm(await SuiteCrmFake.StartAsync(), jsonApi: true),
        "suitecrm (v4_1)" => SuiteCrm(await SuiteCrmFake.StartAsync(), jsonApi: false),
        "vtiger" => Vtiger(await VtigerFake.StartAsync()),
        "zendesk" => Zendesk(await ZendeskFake.StartAsync()),
        "bullhorn" => Bullhorn(await BullhornFake.StartAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown vendor"),
    };

    /// <summary>Stores <paramref name="stored"/> (in <paramref name="phoneField"/> where the vendor has several) and looks <paramref name="callerId"/> up.</summary>
    public Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
    {
        store(stored, phoneField);
        return host.Connector.LookupAsync(connection, ConnectorTestHost.ByPhone(module, field, callerId), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await fake.DisposeAsync();
    }

    private static StoredNumberVendor Zoho(FakeZoho fake) =>
        new("zoho", fake, new ConnectorTestHost<ZohoConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger)), fake.Connection(), "Contacts", "Status", (stored, _) =>
        {
            fake.Records.Clear();
            fake.Phones.Clear();
            fake.Add("Contacts", [stored], new JsonObject { ["id"] = "3477061000000419001", ["Status"] = "GOLD" });
        });

    private static StoredNumberVendor Salesforce(FakeSalesforce fake) =>
        new("salesforce", fake, new ConnectorTestHost<SalesforceConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger)), fake.Connection(), "Contact", "Status__c", (stored, _) =>
        {
            fake.Records.Clear();
            fake.Records.Add(("Contact", [stored], new JsonObject { ["Id"] = "003A", ["Status__c"] = "GOLD" }));
        });

    private static StoredNumberVendor HubSpot(FakeHubSpot fake) =>
        new("hubspot", fake, new ConnectorTestHost<HubSpotConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger)), fake.PrivateAppConnection(), "contacts", "status", (stored, _) =>
        {
            fake.Records.Clear();
            fake.Records.Add(("contacts", new() { ["hs_object_id"] = "512", ["phone"] = stored, ["status"] = "GOLD" }));
        });

    private static StoredNumberVendor Dynamics(FakeDynamics fake) =>
        new("dynamics", fake, new ConnectorTestHost<DynamicsConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger)), fake.WebApiConnection(), "contacts", "new_status", (stored, phoneField) =>
            fake.WebApiRecords["contacts"] = [new JsonObject { ["contactid"] = "a1", [phoneField ?? "telephone1"] = stored, ["new_status"] = "GOLD" }]);

    private static StoredNumberVendor Pipedrive(FakePipedrive fake) =>
        new("pipedrive", fake, new ConnectorTestHost<PipedriveConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger)), fake.ApiTokenConnection(), "persons", "Customer number", (stored, _) =>
        {
            fake.Persons.Clear();
            fake.AddPerson(stored, new JsonObject { [FakePipedrive.CustomerNumberKey] = "GOLD" });
        });

    private static StoredNumberVendor SugarCrm(SugarCrmFake fake) =>
        new("sugarcrm", fake, new ConnectorTestHost<SugarCrmConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger)), fake.Connection(), "Contacts", "status_c", (stored, phoneField) =>
        {
            fake.Records.Clear();
            fake.Records.Add(new() { ["id"] = "c1", [phoneField ?? "phone_work"] = stored, ["status_c"] = "GOLD" });
        });

    private static StoredNumberVendor SuiteCrm(SuiteCrmFake fake, bool jsonApi) =>
        new(jsonApi ? "suitecrm (v8)" : "suitecrm (v4_1)", fake, new ConnectorTestHost<SuiteCrmConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger)), fake.Connection(jsonApi), "Contacts", "status_c", (stored, phoneField) =>
        {
            fake.Records.Clear();
            fake.Records.Add(new() { ["id"] = "c1", [phoneField ?? "phone_work"] = stored, ["status_c"] = "GOLD" });
        });

    private static StoredNumberVendor Vtiger(VtigerFake fake) =>
        new("vtiger", fake, new ConnectorTestHost<VtigerConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger)), fake.Connection(), "Contacts", "cf_853", (stored, phoneField) =>
        {
            fake.Records.Clear();
            fake.Records.Add(new() { ["id"] = "12x34", [phoneField ?? "phone"] = stored, ["cf_853"] = "GOLD" });
        });

    private static StoredNumberVendor Zendesk(ZendeskFake fake) =>
        new("zendesk", fake, new ConnectorTestHost<ZendeskConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger)), fake.Connection(), "users", "status", (stored, _) =>
        {
            fake.Users.Clear();
            fake.Users.Add(new JsonObject { ["id"] = 501, ["name"] = "Ann", ["phone"] = stored, ["user_fields"] = new JsonObject { ["status"] = "GOLD" } });
        });

    private static StoredNumberVendor Bullhorn(BullhornFake fake)
    {
        var host = new ConnectorTestHost<BullhornConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), services => services.AddBullhornAuthorizeClient());
        return new("bullhorn", fake, host, fake.Connection(), "ClientContact", "customText1", (stored, _) =>
        {
            fake.Records.Clear();
            fake.Records.Add(new JsonObject { ["id"] = 123, ["phone"] = stored, ["mobile"] = "", ["customText1"] = "GOLD" });
        });
    }
}

using AriCrmRouter.Crm.Connectors.Bullhorn;
using AriCrmRouter.Crm.Connectors.Dynamics;
using AriCrmRouter.Crm.Connectors.HubSpot;
using AriCrmRouter.Crm.Connectors.Pipedrive;
using AriCrmRouter.Crm.Connectors.Salesforce;
using AriCrmRouter.Crm.Tests.Bullhorn;
using AriCrmRouter.Crm.Tests.Dynamics;
using AriCrmRouter.Crm.Tests.Pipedrive;
using AriCrmRouter.Crm.Tests.Salesforce;

namespace AriCrmRouter.Crm.Tests.CallerFormats;

/// <summary>
/// One connector against its fake, reduced to "store one record whose phone is <c>stored</c>, then look the
/// caller up": the fakes compare stored text the way their vendor does, so this measures what a caller
/// finds however the CRM stored the number.
/// </summary>
internal abstract class StoredNumberVendor : IAsyncDisposable
{
    public abstract string Name { get; }

    /// <summary>
    /// Replaces the fake's records with one whose phone (<paramref name="phoneField"/>, else the module's main phone
    /// field) is <paramref name="stored"/>, and looks <paramref name="callerId"/> up.
    /// </summary>
    public abstract Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null);

    /// <summary>The longest path and query the connector sent (GET URLs are limited by web servers).</summary>
    public abstract int LongestPathAndQuery { get; }

    public abstract ValueTask DisposeAsync();

    public static async Task<StoredNumberVendor> StartAsync(string name) => name switch
    {
        "zoho" => await StoredNumberVendorText.ZohoVendor.StartAsync(),
        "salesforce" => await SalesforceVendor.StartAsync(),
        "hubspot" => await HubSpotVendor.StartAsync(),
        "dynamics" => await DynamicsVendor.StartAsync(),
        "pipedrive" => await PipedriveVendor.StartAsync(),
        "sugarcrm" => await StoredNumberVendorText.SugarCrmVendor.StartAsync(),
        "suitecrm (v8)" => await StoredNumberVendorText.SuiteCrmVendor.StartAsync(jsonApi: true),
        "suitecrm (v4_1)" => await StoredNumberVendorText.SuiteCrmVendor.StartAsync(jsonApi: false),
        "vtiger" => await StoredNumberVendorText.VtigerVendor.StartAsync(),
        "zendesk" => await StoredNumberVendorText.ZendeskVendor.StartAsync(),
        "bullhorn" => await BullhornVendor.StartAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown vendor"),
    };

    public static readonly string[] Names =
        ["zoho", "salesforce", "hubspot", "dynamics", "pipedrive", "sugarcrm", "suitecrm (v8)", "suitecrm (v4_1)", "vtiger", "zendesk", "bullhorn"];

    protected static CrmLookupRequest ByPhone(string module, string field, string callerId) => ConnectorTestHost.ByPhone(module, field, callerId);

    private sealed class SalesforceVendor(FakeSalesforce fake) : StoredNumberVendor
    {
        private readonly SalesforceConnector _connector = new(ConnectorTestHost.HttpClientFactory, Options.Create(new CrmOptions()), ConnectorTestHost.NewClock(), NullLogger<SalesforceConnector>.Instance);

        public override string Name => "salesforce";

        public override int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

        public static async Task<StoredNumberVendor> StartAsync() => new SalesforceVendor(await FakeSalesforce.StartAsync());

        public override Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
        {
            fake.Records.Clear();
            fake.Records.Add(("Contact", [stored], new JsonObject { ["Id"] = "003A", ["Status__c"] = "GOLD" }));
            var connection = ConnectorTestHost.Connection(
                "salesforce",
                new() { ["loginUrl"] = fake.Server.BaseUri.ToString(), ["clientId"] = "3MVG9-CLIENT" },
                new() { ["clientSecret"] = FakeSalesforce.ClientSecret, ["refreshToken"] = FakeSalesforce.RefreshToken });
            return _connector.LookupAsync(connection, ByPhone("Contact", "Status__c", callerId), CancellationToken.None);
        }

        public override ValueTask DisposeAsync() => fake.DisposeAsync();
    }

    private sealed class HubSpotVendor(FakeHubSpot fake) : StoredNumberVendor
    {
        private readonly HubSpotConnector _connector = new(ConnectorTestHost.HttpClientFactory, Options.Create(new CrmOptions()), ConnectorTestHost.NewClock(), NullLogger<HubSpotConnector>.Instance);

        public override string Name => "hubspot";

        public override int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

        public static async Task<StoredNumberVendor> StartAsync() => new HubSpotVendor(await FakeHubSpot.StartAsync());

        public override Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
        {
            fake.Records.Clear();
            fake.Records.Add(("contacts", new() { ["hs_object_id"] = "512", ["phone"] = stored, ["status"] = "GOLD" }));
            var connection = ConnectorTestHost.Connection("hubspot", new() { ["baseUrl"] = fake.Server.BaseUri.ToString() }, new() { ["accessToken"] = FakeHubSpot.PrivateAppToken });
            return _connector.LookupAsync(connection, ByPhone("contacts", "status", callerId), CancellationToken.None);
        }

        public override ValueTask DisposeAsync() => fake.DisposeAsync();
    }

    private sealed class DynamicsVendor(FakeDynamics fake) : StoredNumberVendor
    {
        private readonly DynamicsConnector _connector = new(ConnectorTestHost.HttpClientFactory, Options.Create(new CrmOptions()), ConnectorTestHost.NewClock(), NullLogger<DynamicsConnector>.Instance);

        public override string Name => "dynamics";

        public override int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

        public static async Task<StoredNumberVendor> StartAsync() => new DynamicsVendor(await FakeDynamics.StartAsync());

        public override Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
        {
            fake.WebApiRecords["contacts"] = [new JsonObject { ["contactid"] = "a1", [phoneField ?? "telephone1"] = stored, ["new_status"] = "GOLD" }];
            var connection = ConnectorTestHost.Connection(
                "dynamics",
                new()
                {
                    ["orgUrl"] = fake.Server.BaseUri.ToString(),
                    ["authorityUrl"] = fake.Server.BaseUri.ToString(),
                    ["tenantId"] = FakeDynamics.Tenant,
                    ["clientId"] = "app-id",
                },
                new() { ["clientSecret"] = FakeDynamics.ClientSecret });
            return _connector.LookupAsync(connection, ByPhone("contacts", "new_status", callerId), CancellationToken.None);
        }

        public override ValueTask DisposeAsync() => fake.DisposeAsync();
    }

    private sealed class PipedriveVendor(FakePipedrive fake) : StoredNumberVendor
    {
        private readonly PipedriveConnector _connector = new(ConnectorTestHost.HttpClientFactory, Options.Create(new CrmOptions()), ConnectorTestHost.NewClock(), NullLogger<PipedriveConnector>.Instance);

        public override string Name => "pipedrive";

        public override int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

        public static async Task<StoredNumberVendor> StartAsync() => new PipedriveVendor(await FakePipedrive.StartAsync());

        public override Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
        {
            fake.Persons.Clear();
            fake.AddPerson(stored, new JsonObject { [FakePipedrive.CustomerNumberKey] = "GOLD" });
            var connection = ConnectorTestHost.Connection("pipedrive", new() { ["baseUrl"] = fake.Server.BaseUri.ToString() }, new() { ["apiToken"] = FakePipedrive.ApiToken });
            return _connector.LookupAsync(connection, ByPhone("persons", "Customer number", callerId), CancellationToken.None);
        }

        public override ValueTask DisposeAsync() => fake.DisposeAsync();
    }

    private sealed class BullhornVendor(BullhornFake fake, ConnectorTestHost<BullhornConnector> host) : StoredNumberVendor
    {
        public override string Name => "bullhorn";

        public override int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

        public static async Task<StoredNumberVendor> StartAsync() => new BullhornVendor(
            await BullhornFake.StartAsync(),
            new ConnectorTestHost<BullhornConnector>((http, options, time, logger) => new BullhornConnector(http, options, time, logger), services => services.AddBullhornAuthorizeClient()));

        public override Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
        {
            fake.Records.Clear();
            fake.Records.Add(new JsonObject { ["id"] = 123, ["phone"] = stored, ["mobile"] = "", ["customText1"] = "GOLD" });
            var connection = new CrmConnection(
                "bh",
                "bullhorn",
                new Dictionary<string, string> { ["url"] = fake.Url.ToString(), ["username"] = BullhornFake.User, ["clientId"] = BullhornFake.ClientId },
                new Dictionary<string, string> { ["password"] = BullhornFake.Password, ["clientSecret"] = BullhornFake.ClientSecret });
            return host.Connector.LookupAsync(connection, ByPhone("ClientContact", "customText1", callerId), CancellationToken.None);
        }

        public override async ValueTask DisposeAsync()
        {
            host.Dispose();
            await fake.DisposeAsync();
        }
    }
}

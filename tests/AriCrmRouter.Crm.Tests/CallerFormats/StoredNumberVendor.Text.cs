using AriCrmRouter.Crm.Connectors.SugarCrm;
using AriCrmRouter.Crm.Connectors.SuiteCrm;
using AriCrmRouter.Crm.Connectors.Vtiger;
using AriCrmRouter.Crm.Connectors.Zendesk;
using AriCrmRouter.Crm.Connectors.Zoho;
using AriCrmRouter.Crm.Tests.SugarCrm;
using AriCrmRouter.Crm.Tests.SuiteCrm;
using AriCrmRouter.Crm.Tests.Vtiger;
using AriCrmRouter.Crm.Tests.Zendesk;
using AriCrmRouter.Crm.Tests.Zoho;

namespace AriCrmRouter.Crm.Tests.CallerFormats;

/// <summary>The connectors whose fakes keep records as plain dictionaries or JSON objects.</summary>
internal abstract partial class StoredNumberVendorText
{
    private StoredNumberVendorText()
    {
    }

    internal sealed class ZohoVendor(FakeZoho fake) : StoredNumberVendor
    {
        private readonly ZohoConnector _connector = new(new VendorClient(ConnectorTestHost.HttpClientFactory, Options.Create(new CrmOptions()), ConnectorTestHost.NewClock()), NullLogger<ZohoConnector>.Instance);

        public override string Name => "zoho";

        public override int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

        public static async Task<StoredNumberVendor> StartAsync() => new ZohoVendor(await FakeZoho.StartAsync());

        public override Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
        {
            fake.Records.Clear();
            fake.Phones.Clear();
            fake.Add("Contacts", [stored], new JsonObject { ["id"] = "3477061000000419001", ["Status"] = "GOLD" });
            var connection = ConnectorTestHost.Connection(
                "zoho",
                new() { ["accountsUrl"] = fake.Server.BaseUri.ToString(), ["clientId"] = "1000.CLIENTID" },
                new() { ["clientSecret"] = FakeZoho.ClientSecret, ["refreshToken"] = FakeZoho.RefreshToken });
            return _connector.LookupAsync(connection, ConnectorTestHost.ByPhone("Contacts", "Status", callerId), CancellationToken.None);
        }

        public override ValueTask DisposeAsync() => fake.DisposeAsync();
    }

    internal sealed class SugarCrmVendor(SugarCrmFake fake, ConnectorTestHost<SugarCrmConnector> host) : StoredNumberVendor
    {
        public override string Name => "sugarcrm";

        public override int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

        public static async Task<StoredNumberVendor> StartAsync() => new SugarCrmVendor(
            await SugarCrmFake.StartAsync(),
            new ConnectorTestHost<SugarCrmConnector>((http, options, time, logger) => new SugarCrmConnector(new VendorClient(http, options, time), logger)));

        public override Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
        {
            fake.Records.Clear();
            fake.Records.Add(new() { ["id"] = "c1", [phoneField ?? "phone_work"] = stored, ["status_c"] = "GOLD" });
            var connection = new CrmConnection(
                "sugar",
                "sugarcrm",
                new Dictionary<string, string> { ["url"] = fake.Url.ToString(), ["apiVersion"] = "v11_24", ["username"] = SugarCrmFake.User, ["platform"] = SugarCrmFake.Platform },
                new Dictionary<string, string> { ["password"] = SugarCrmFake.Password });
            return host.Connector.LookupAsync(connection, ConnectorTestHost.ByPhone("Contacts", "status_c", callerId), CancellationToken.None);
        }

        public override async ValueTask DisposeAsync()
        {
            host.Dispose();
            await fake.DisposeAsync();
        }
    }

    internal sealed class SuiteCrmVendor(SuiteCrmFake fake, ConnectorTestHost<SuiteCrmConnector> host, bool jsonApi) : StoredNumberVendor
    {
        public override string Name => jsonApi ? "suitecrm (v8)" : "suitecrm (v4_1)";

        public override int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

        public static async Task<StoredNumberVendor> StartAsync(bool jsonApi) => new SuiteCrmVendor(
            await SuiteCrmFake.StartAsync(),
            new ConnectorTestHost<SuiteCrmConnector>((http, options, time, logger) => new SuiteCrmConnector(new VendorClient(http, options, time), logger)),
            jsonApi);

        public override Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
        {
            fake.Records.Clear();
            fake.Records.Add(new() { ["id"] = "c1", [phoneField ?? "phone_work"] = stored, ["status_c"] = "GOLD" });
            var connection = jsonApi
                ? new CrmConnection(
                    "suite8",
                    "suitecrm",
                    new Dictionary<string, string> { ["url"] = fake.Url.ToString(), ["api"] = "v8", ["clientId"] = SuiteCrmFake.ClientId },
                    new Dictionary<string, string> { ["clientSecret"] = SuiteCrmFake.ClientSecret })
                : new CrmConnection(
                    "suite7",
                    "suitecrm",
                    new Dictionary<string, string> { ["url"] = fake.Url.ToString(), ["api"] = "v4_1", ["username"] = SuiteCrmFake.User },
                    new Dictionary<string, string> { ["password"] = SuiteCrmFake.Password });
            return host.Connector.LookupAsync(connection, ConnectorTestHost.ByPhone("Contacts", "status_c", callerId), CancellationToken.None);
        }

        public override async ValueTask DisposeAsync()
        {
            host.Dispose();
            await fake.DisposeAsync();
        }
    }

    internal sealed class VtigerVendor(VtigerFake fake, ConnectorTestHost<VtigerConnector> host) : StoredNumberVendor
    {
        public override string Name => "vtiger";

        public override int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

        public static async Task<StoredNumberVendor> StartAsync() => new VtigerVendor(
            await VtigerFake.StartAsync(),
            new ConnectorTestHost<VtigerConnector>((http, options, time, logger) => new VtigerConnector(new VendorClient(http, options, time), logger)));

        public override Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
        {
            fake.Records.Clear();
            fake.Records.Add(new() { ["id"] = "12x34", [phoneField ?? "phone"] = stored, ["cf_853"] = "GOLD" });
            var connection = new CrmConnection(
                "vt",
                "vtiger",
                new Dictionary<string, string> { ["url"] = new Uri(fake.Url, "crm/").ToString(), ["username"] = VtigerFake.User },
                new Dictionary<string, string> { ["accessKey"] = VtigerFake.AccessKey });
            return host.Connector.LookupAsync(connection, ConnectorTestHost.ByPhone("Contacts", "cf_853", callerId), CancellationToken.None);
        }

        public override async ValueTask DisposeAsync()
        {
            host.Dispose();
            await fake.DisposeAsync();
        }
    }

    internal sealed class ZendeskVendor(ZendeskFake fake, ConnectorTestHost<ZendeskConnector> host) : StoredNumberVendor
    {
        public override string Name => "zendesk";

        public override int LongestPathAndQuery => fake.Server.Requests.Max(r => r.Path.Length + r.Query.Length);

        public static async Task<StoredNumberVendor> StartAsync() => new ZendeskVendor(
            await ZendeskFake.StartAsync(),
            new ConnectorTestHost<ZendeskConnector>((http, options, time, logger) => new ZendeskConnector(new VendorClient(http, options, time), logger)));

        public override Task<LookupOutcome> FindAsync(string stored, string callerId, string? phoneField = null)
        {
            fake.Users.Clear();
            fake.Users.Add(new JsonObject { ["id"] = 501, ["name"] = "Ann", ["phone"] = stored, ["user_fields"] = new JsonObject { ["status"] = "GOLD" } });
            var connection = new CrmConnection(
                "zd",
                "zendesk",
                new Dictionary<string, string> { ["url"] = fake.Url.ToString(), ["email"] = ZendeskFake.Email },
                new Dictionary<string, string> { ["apiToken"] = ZendeskFake.ApiToken });
            return host.Connector.LookupAsync(connection, ConnectorTestHost.ByPhone("users", "status", callerId), CancellationToken.None);
        }

        public override async ValueTask DisposeAsync()
        {
            host.Dispose();
            await fake.DisposeAsync();
        }
    }
}

using AriCrmRouter.Crm.Connectors.Bullhorn;
using AriCrmRouter.Crm.Connectors.HubSpot;
using AriCrmRouter.Crm.Connectors.Pipedrive;
using AriCrmRouter.Crm.Connectors.Salesforce;
using AriCrmRouter.Crm.Connectors.SugarCrm;
using AriCrmRouter.Crm.Connectors.Zendesk;
using AriCrmRouter.Crm.Connectors.Zoho;
using AriCrmRouter.Crm.Tests.Bullhorn;
using AriCrmRouter.Crm.Tests.Pipedrive;
using AriCrmRouter.Crm.Tests.Salesforce;
using AriCrmRouter.Crm.Tests.SugarCrm;
using AriCrmRouter.Crm.Tests.Zendesk;
using AriCrmRouter.Crm.Tests.Zoho;
using static AriCrmRouter.Crm.Tests.ConnectorSupport.ConnectorTestHost;

namespace AriCrmRouter.Crm.Tests.Contract;

/// <summary>
/// Every connector the contract suite runs against, each with its fake and one record (see
/// <see cref="ContractSubject"/>): the only part of the suite a vendor contributes.
/// </summary>
internal static partial class ContractSubjects
{
    public static readonly string[] Kinds =
        ["zoho", "salesforce", "hubspot", "pipedrive", "sugarcrm", "zendesk", "bullhorn", "dynamics", "suitecrm-v8", "suitecrm-v4_1", "vtiger", "custom"];

    public static Task<ContractSubject> StartAsync(string kind, CrmOptions? options = null)
    {
        options ??= new CrmOptions();
        return kind switch
        {
            "zoho" => ZohoAsync(options),
            "salesforce" => SalesforceAsync(options),
            "hubspot" => HubSpotAsync(options),
            "pipedrive" => PipedriveAsync(options),
            "sugarcrm" => SugarCrmAsync(options),
            "zendesk" => ZendeskAsync(options),
            "bullhorn" => BullhornAsync(options),
            "dynamics" => DynamicsAsync(options),
            "suitecrm-v8" => SuiteCrmAsync(options, legacy: false),
            "suitecrm-v4_1" => SuiteCrmAsync(options, legacy: true),
            "vtiger" => VtigerAsync(options),
            "custom" => CustomAsync(options),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no contract subject"),
        };
    }

    private static async Task<ContractSubject> ZohoAsync(CrmOptions options)
    {
        var zoho = await FakeZoho.StartAsync();
        zoho.Add("Contacts", ["+14155551212"], new JsonObject { ["id"] = "3477061000000419001", ["Status"] = "GOLD", ["Description"] = null });
        var host = new ConnectorTestHost<ZohoConnector>((http, o, time, logger) => new ZohoConnector(new VendorClient(http, o, time), logger), options: options);
        return new ContractSubject
        {
            Connector = host.Connector,
            Connection = Connection("zoho", new() { ["accountsUrl"] = zoho.Server.BaseUri.ToString(), ["clientId"] = "1000.CLIENTID" }, new() { ["clientSecret"] = FakeZoho.ClientSecret, ["refreshToken"] = FakeZoho.RefreshToken }),
            Server = zoho.Server,
            IsLookupRequest = r => r.Path.StartsWith("/crm", StringComparison.Ordinal),
            Module = "Contacts", Field = "Status", EmptyField = "Description", Caller = "+14155551212",
            IssuedCredentials = ["1000.access-"],
            Owned = [zoho, host],
        };
    }

    private static async Task<ContractSubject> SalesforceAsync(CrmOptions options)
    {
        var salesforce = await FakeSalesforce.StartAsync();
        salesforce.Records.Add(("Contact", ["(415) 555-1212"], new JsonObject { ["Id"] = "003xx000004TmiQAAS", ["Status__c"] = "GOLD", ["Description"] = null }));
        var host = new ConnectorTestHost<SalesforceConnector>((http, o, time, logger) => new SalesforceConnector(new VendorClient(http, o, time), logger), options: options);
        return new ContractSubject
        {
            Connector = host.Connector,
            Connection = Connection("salesforce", new() { ["loginUrl"] = salesforce.Server.BaseUri.ToString(), ["clientId"] = "3MVG9-CLIENT" }, new() { ["clientSecret"] = FakeSalesforce.ClientSecret, ["refreshToken"] = FakeSalesforce.RefreshToken }),
            Server = salesforce.Server,
            IsLookupRequest = r => r.Path.StartsWith("/services/data", StringComparison.Ordinal),
            Module = "Contact", Field = "Status__c", EmptyField = "Description", Caller = "4155551212",
            IssuedCredentials = ["00D-session-"],
            Owned = [salesforce, host],
        };
    }

    private static async Task<ContractSubject> HubSpotAsync(CrmOptions options)
    {
        var hubspot = await FakeHubSpot.StartAsync();
        hubspot.Records.Add(("contacts", new() { ["hs_object_id"] = "512", ["phone"] = "(415) 555-1212", ["status"] = "GOLD", ["notes"] = null }));
        var host = new ConnectorTestHost<HubSpotConnector>((http, o, time, logger) => new HubSpotConnector(new VendorClient(http, o, time), logger), options: options);
        return new ContractSubject
        {
            Connector = host.Connector,
            Connection = Connection("hubspot", new() { ["baseUrl"] = hubspot.Server.BaseUri.ToString() }, new() { ["accessToken"] = FakeHubSpot.PrivateAppToken }),
            Server = hubspot.Server,
            IsLookupRequest = r => r.Path.StartsWith("/crm/v3/objects", StringComparison.Ordinal),
            Module = "contacts", Field = "status", EmptyField = "notes", Caller = "+14155551212",
            Owned = [hubspot, host],
        };
    }

    private static async Task<ContractSubject> PipedriveAsync(CrmOptions options)
    {
        var pipedrive = await FakePipedrive.StartAsync();
        pipedrive.Persons.Add(new JsonObject
        {
            ["id"] = 1,
            ["name"] = "Jane Doe",
            ["first_name"] = "Jane",
            ["last_name"] = "Doe",
            ["owner_id"] = 5,
            ["org_id"] = null,
            ["phones"] = new JsonArray(new JsonObject { ["value"] = "(415) 555-1212", ["primary"] = true, ["label"] = "work" }),
            ["emails"] = new JsonArray(),
            ["custom_fields"] = new JsonObject { [FakePipedrive.StatusKey] = 27, [FakePipedrive.OtherCodeKey] = null },
        });
        var host = new ConnectorTestHost<PipedriveConnector>((http, o, time, logger) => new PipedriveConnector(new VendorClient(http, o, time), logger), options: options);
        return new ContractSubject
        {
            Connector = host.Connector,
            Connection = Connection("pipedrive", new() { ["baseUrl"] = pipedrive.Server.BaseUri.ToString() }, new() { ["apiToken"] = FakePipedrive.ApiToken }),
            Server = pipedrive.Server,
            IsLookupRequest = r => r.Path.StartsWith("/api/v2/persons", StringComparison.Ordinal),
            Module = "persons", Field = "Status", EmptyField = "Other code", Caller = "4155551212",
            Owned = [pipedrive, host],
        };
    }

    private static async Task<ContractSubject> SugarCrmAsync(CrmOptions options)
    {
        var sugar = await SugarCrmFake.StartAsync();
        sugar.Records.Add(new() { ["id"] = "c1", ["phone_work"] = "+14155551212", ["status_c"] = "GOLD", ["description"] = null });
        var host = new ConnectorTestHost<SugarCrmConnector>((http, o, time, logger) => new SugarCrmConnector(new VendorClient(http, o, time), logger), options: options);
        return new ContractSubject
        {
            Connector = host.Connector,
            Connection = Connection("sugarcrm", new() { ["url"] = sugar.Url.ToString(), ["apiVersion"] = "v11_24", ["username"] = SugarCrmFake.User, ["platform"] = SugarCrmFake.Platform }, new() { ["password"] = SugarCrmFake.Password }),
            Server = sugar.Server,
            IsLookupRequest = r => r.Path.EndsWith("/filter", StringComparison.Ordinal),
            Module = "Contacts", Field = "status_c", EmptyField = "description", Caller = "+1 415 555 1212",
            IssuedCredentials = ["access-"],
            Owned = [sugar, host],
        };
    }

    private static async Task<ContractSubject> ZendeskAsync(CrmOptions options)
    {
        var zendesk = await ZendeskFake.StartAsync();
        zendesk.Users.Add(JsonNode.Parse("""{"id":501,"name":"Ann","phone":"+14155551212","external_id":"12345","organization_id":null,"user_fields":{"status":"GOLD","tier":null}}""")!.AsObject());
        var host = new ConnectorTestHost<ZendeskConnector>((http, o, time, logger) => new ZendeskConnector(new VendorClient(http, o, time), logger), options: options);
        return new ContractSubject
        {
            Connector = host.Connector,
            Connection = Connection("zendesk", new() { ["url"] = zendesk.Url.ToString(), ["email"] = ZendeskFake.Email }, new() { ["apiToken"] = ZendeskFake.ApiToken }),
            Server = zendesk.Server,
            IsLookupRequest = r => r.Path.StartsWith("/api/v2", StringComparison.Ordinal),
            Module = "users", Field = "status", EmptyField = "tier", Caller = "(415) 555-1212",
            Owned = [zendesk, host],
        };
    }

    private static async Task<ContractSubject> BullhornAsync(CrmOptions options)
    {
        var bullhorn = await BullhornFake.StartAsync();
        bullhorn.Records.Add(JsonNode.Parse("""{"id":123,"phone":"(415) 555-1212","mobile":"","customText1":"GOLD","customText2":"12345","customText3":null}""")!.AsObject());
        var host = new ConnectorTestHost<BullhornConnector>((http, o, time, logger) => new BullhornConnector(new VendorClient(http, o, time), logger), services => services.AddBullhornAuthorizeClient(), options);
        return new ContractSubject
        {
            Connector = host.Connector,
            Connection = Connection("bullhorn", new() { ["url"] = bullhorn.Url.ToString(), ["username"] = BullhornFake.User, ["clientId"] = BullhornFake.ClientId }, new() { ["password"] = BullhornFake.Password, ["clientSecret"] = BullhornFake.ClientSecret }),
            Server = bullhorn.Server,
            IsLookupRequest = r => r.Path.StartsWith("/west/rest-services/corp1", StringComparison.Ordinal),
            Module = "ClientContact", Field = "customText1", EmptyField = "customText3", Caller = "+1 415 555 1212",
            Owned = [bullhorn, host],
        };
    }
}

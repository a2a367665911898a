using System.Text.Json.Nodes;
using AriCrmRouter.Crm.Connectors.Bullhorn;
using AriCrmRouter.Crm.Connectors.HubSpot;
using AriCrmRouter.Crm.Connectors.Pipedrive;
using AriCrmRouter.Crm.Connectors.Salesforce;
using AriCrmRouter.Crm.Connectors.SugarCrm;
using AriCrmRouter.Crm.Connectors.Zendesk;
using AriCrmRouter.Crm.Connectors.Zoho;
using AriCrmRouter.Crm.Tests.Bullhorn;
using AriCrmRouter.Crm.Tests.ConnectorSupport;
using AriCrmRouter.Crm.Tests.Pipedrive;
using AriCrmRouter.Crm.Tests.Salesforce;
using AriCrmRouter.Crm.Tests.SugarCrm;
using AriCrmRouter.Crm.Tests.Zendesk;
using AriCrmRouter.Crm.Tests.Zoho;
using AriCrmRouter.TestKit.Crm.Vendors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static AriCrmRouter.Crm.Tests.ConnectorSupport.ConnectorTestHost;

namespace AriCrmRouter.Crm.Tests.Contract;

/// <summary>Every connector the contract suite runs against, each with its fake and one record whose field is GOLD.</summary>
internal static class ContractSubjects
{
    public static readonly string[] Kinds = ["zoho", "salesforce", "hubspot", "pipedrive", "sugarcrm", "zendesk", "bullhorn"];

    private static readonly IOptions<CrmOptions> Defaults = Options.Create(new CrmOptions());

    public static Task<ContractSubject> StartAsync(string kind) => kind switch
    {
        "zoho" => ZohoAsync(),
        "salesforce" => SalesforceAsync(),
        "hubspot" => HubSpotAsync(),
        "pipedrive" => PipedriveAsync(),
        "sugarcrm" => SugarCrmAsync(),
        "zendesk" => ZendeskAsync(),
        "bullhorn" => BullhornAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no contract subject"),
    };

    private static async Task<ContractSubject> ZohoAsync()
    {
        var zoho = await FakeZoho.StartAsync();
        zoho.Add("Contacts", ["+14155551212"], new JsonObject { ["id"] = "3477061000000419001", ["Status"] = "GOLD" });
        return new ContractSubject(
            new ZohoConnector(HttpClientFactory, Defaults, NewClock(), NullLogger<ZohoConnector>.Instance),
            Connection("zoho", new() { ["accountsUrl"] = zoho.Server.BaseUri.ToString(), ["clientId"] = "1000.CLIENTID" }, new() { ["clientSecret"] = FakeZoho.ClientSecret, ["refreshToken"] = FakeZoho.RefreshToken }),
            zoho.Server,
            r => r.Path.StartsWithSegments("/crm"),
            ByPhone("Contacts", "Status", "+14155551212"),
            "GOLD",
            ByPhone("Contacts", "Status", "+442071234567"),
            zoho);
    }

    private static async Task<ContractSubject> SalesforceAsync()
    {
        var salesforce = await FakeSalesforce.StartAsync();
        salesforce.Records.Add(("Contact", ["(415) 555-1212"], new JsonObject { ["Id"] = "003xx000004TmiQAAS", ["Status__c"] = "GOLD" }));
        return new ContractSubject(
            new SalesforceConnector(HttpClientFactory, Defaults, NewClock(), NullLogger<SalesforceConnector>.Instance),
            Connection("salesforce", new() { ["loginUrl"] = salesforce.Server.BaseUri.ToString(), ["clientId"] = "3MVG9-CLIENT" }, new() { ["clientSecret"] = FakeSalesforce.ClientSecret, ["refreshToken"] = FakeSalesforce.RefreshToken }),
            salesforce.Server,
            r => r.Path.StartsWithSegments("/services/data"),
            ByPhone("Contact", "Status__c", "4155551212"),
            "GOLD",
            ByPhone("Contact", "Status__c", "+442071234567"),
            salesforce);
    }

    private static async Task<ContractSubject> HubSpotAsync()
    {
        var hubspot = await FakeHubSpot.StartAsync();
        hubspot.Records.Add(("contacts", new() { ["hs_object_id"] = "512", ["phone"] = "(415) 555-1212", ["status"] = "GOLD" }));
        return new ContractSubject(
            new HubSpotConnector(HttpClientFactory, Defaults, NewClock(), NullLogger<HubSpotConnector>.Instance),
            Connection("hubspot", new() { ["baseUrl"] = hubspot.Server.BaseUri.ToString() }, new() { ["accessToken"] = FakeHubSpot.PrivateAppToken }),
            hubspot.Server,
            r => r.Path.StartsWithSegments("/crm/v3/objects"),
            ByPhone("contacts", "status", "+14155551212"),
            "GOLD",
            ByPhone("contacts", "status", "+12125550000"),
            hubspot);
    }

    private static async Task<ContractSubject> PipedriveAsync()
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
            ["custom_fields"] = new JsonObject { [FakePipedrive.StatusKey] = 27 },
        });
        return new ContractSubject(
            new PipedriveConnector(HttpClientFactory, Defaults, NewClock(), NullLogger<PipedriveConnector>.Instance),
            Connection("pipedrive", new() { ["baseUrl"] = pipedrive.Server.BaseUri.ToString() }, new() { ["apiToken"] = FakePipedrive.ApiToken }),
            pipedrive.Server,
            r => r.Path.StartsWithSegments("/api/v2"),
            ByPhone("persons", "Status", "4155551212"),
            "GOLD",
            ByPhone("persons", "Status", "+442071234567"),
            pipedrive);
    }

    private static async Task<ContractSubject> SugarCrmAsync()
    {
        var sugar = await SugarCrmFake.StartAsync();
        sugar.Records.Add(new() { ["id"] = "c1", ["phone_work"] = "+14155551212", ["status_c"] = "GOLD" });
        var host = new ConnectorTestHost<SugarCrmConnector>((http, options, time, logger) => new SugarCrmConnector(http, options, time, logger));
        return new ContractSubject(
            host.Connector,
            Connection("sugarcrm", new() { ["url"] = sugar.Url.ToString(), ["apiVersion"] = "v11_24", ["username"] = SugarCrmFake.User, ["platform"] = SugarCrmFake.Platform }, new() { ["password"] = SugarCrmFake.Password }),
            sugar.Server,
            r => r.Path.Value?.EndsWith("/filter", StringComparison.Ordinal) == true,
            ByPhone("Contacts", "status_c", "+1 415 555 1212"),
            "GOLD",
            ByPhone("Contacts", "status_c", "+442071234567"),
            sugar,
            host);
    }

    private static async Task<ContractSubject> ZendeskAsync()
    {
        var zendesk = await ZendeskFake.StartAsync();
        zendesk.Users.Add(JsonNode.Parse("""{"id":501,"name":"Ann","phone":"+14155551212","external_id":"12345","organization_id":null,"user_fields":{"status":"GOLD"}}""")!.AsObject());
        var host = new ConnectorTestHost<ZendeskConnector>((http, options, time, logger) => new ZendeskConnector(http, options, time, logger));
        return new ContractSubject(
            host.Connector,
            Connection("zendesk", new() { ["url"] = zendesk.Url.ToString(), ["email"] = ZendeskFake.Email }, new() { ["apiToken"] = ZendeskFake.ApiToken }),
            zendesk.Server,
            r => r.Path.StartsWithSegments("/api/v2"),
            ByPhone("users", "status", "(415) 555-1212"),
            "GOLD",
            ByPhone("users", "status", "+12125550000"),
            zendesk,
            host);
    }

    private static async Task<ContractSubject> BullhornAsync()
    {
        var bullhorn = await BullhornFake.StartAsync();
        bullhorn.Records.Add(JsonNode.Parse("""{"id":123,"phone":"(415) 555-1212","mobile":"","customText1":"GOLD","customText2":"12345"}""")!.AsObject());
        var host = new ConnectorTestHost<BullhornConnector>((http, options, time, logger) => new BullhornConnector(http, options, time, logger), services => services.AddBullhornAuthorizeClient());
        return new ContractSubject(
            host.Connector,
            Connection("bullhorn", new() { ["url"] = bullhorn.Url.ToString(), ["username"] = BullhornFake.User, ["clientId"] = BullhornFake.ClientId }, new() { ["password"] = BullhornFake.Password, ["clientSecret"] = BullhornFake.ClientSecret }),
            bullhorn.Server,
            r => r.Path.StartsWithSegments("/west/rest-services/corp1"),
            ByPhone("ClientContact", "customText1", "+1 415 555 1212"),
            "GOLD",
            ByPhone("ClientContact", "customText1", "+12125550000"),
            bullhorn,
            host);
    }
}

namespace AriCrmRouter.Crm.Tests.Hostile.Vendors;

/// <summary>A vendor's fake, started with one record whose field holds <see cref="HostileVendorAnswer.Marker"/>, and the connection and question that find it.</summary>
internal sealed record CampaignVendor(IAsyncDisposable Fake, CrmConnection Connection, string Module, string Field);

/// <summary>
/// The ten vendors of the campaign, each set up as its connector tests set it up (the same fakes, settings and
/// secrets). The connectors themselves are reached only through the router's DI registration.
/// </summary>
internal static class CampaignVendors
{
    public const string CallerNumber = "+14155551212";

    public static readonly string[] Kinds = ["zoho", "salesforce", "hubspot", "dynamics", "pipedrive", "zendesk", "sugarcrm", "suitecrm", "vtiger", "bullhorn"];

    public static async Task<CampaignVendor> StartAsync(string kind) => kind switch
    {
        "zoho" => await Zoho(),
        "salesforce" => await Salesforce(),
        "hubspot" => await HubSpot(),
        "dynamics" => await Dynamics(),
        "pipedrive" => await Pipedrive(),
        "zendesk" => await Zendesk(),
        "sugarcrm" => await SugarCrm(),
        "suitecrm" => await SuiteCrm(),
        "vtiger" => await Vtiger(),
        "bullhorn" => await Bullhorn(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a vendor of the campaign"),
    };

    private static CrmConnection Connection(string kind, Dictionary<string, string> settings, Dictionary<string, string> secrets) =>
        new("hostile-" + kind, kind, settings, secrets);

    private static async Task<CampaignVendor> Zoho()
    {
        var fake = await FakeZoho.StartAsync();
        fake.Add("Contacts", [CallerNumber], new JsonObject { ["id"] = "3477061000000419001", ["Status"] = HostileVendorAnswer.Marker });
        var connection = fake.Connection("hostile-zoho");
        return new CampaignVendor(fake, connection, "Contacts", "Status");
    }

    private static async Task<CampaignVendor> Salesforce()
    {
        var fake = await FakeSalesforce.StartAsync();
        fake.Records.Add(("Contact", ["(415) 555-1212"], new JsonObject { ["Id"] = "003xx000004TmiQAAS", ["Status__c"] = HostileVendorAnswer.Marker }));
        var connection = fake.Connection("hostile-salesforce");
        return new CampaignVendor(fake, connection, "Contact", "Status__c");
    }

    private static async Task<CampaignVendor> HubSpot()
    {
        var fake = await FakeHubSpot.StartAsync();
        fake.Records.Add(("contacts", new() { ["hs_object_id"] = "512", ["mobilephone"] = "(415) 555-1212", ["status"] = HostileVendorAnswer.Marker }));
        var connection = Connection("hubspot", new() { ["baseUrl"] = fake.Server.BaseUri.ToString(), ["clientId"] = "hs-client" }, new() { ["clientSecret"] = FakeHubSpot.ClientSecret, ["refreshToken"] = FakeHubSpot.RefreshToken });
        return new CampaignVendor(fake, connection, "contacts", "status");
    }

    private static async Task<CampaignVendor> Dynamics()
    {
        var fake = await FakeDynamics.StartAsync();
        fake.WebApiRecords["contacts"] = [new JsonObject { ["contactid"] = "a1b2c3d4-0000-0000-0000-000000000001", ["mobilephone"] = "(415) 555-1212", ["new_customernumber"] = HostileVendorAnswer.Marker }];
        var uri = fake.Server.BaseUri.ToString();
        var connection = Connection("dynamics", new() { ["orgUrl"] = uri, ["authorityUrl"] = uri, ["tenantId"] = FakeDynamics.Tenant, ["clientId"] = "app-id" }, new() { ["clientSecret"] = FakeDynamics.ClientSecret });
        return new CampaignVendor(fake, connection, "contacts", "new_customernumber");
    }

    private static async Task<CampaignVendor> Pipedrive()
    {
        var fake = await FakePipedrive.StartAsync();
        fake.AddPerson("(415) 555-1212", new JsonObject { [FakePipedrive.CustomerNumberKey] = HostileVendorAnswer.Marker });
        var uri = fake.Server.BaseUri.ToString();
        var connection = Connection("pipedrive", new() { ["baseUrl"] = "https://api.pipedrive.invalid", ["tokenUrl"] = uri + "oauth/token", ["clientId"] = "pd-client" }, new() { ["clientSecret"] = FakePipedrive.ClientSecret, ["refreshToken"] = FakePipedrive.RefreshToken });
        return new CampaignVendor(fake, connection, "persons", FakePipedrive.CustomerNumberKey);
    }

    private static async Task<CampaignVendor> Zendesk()
    {
        var fake = await ZendeskFake.StartAsync();
        fake.Users.Add(JsonNode.Parse("""{"id":501,"name":"Ann","phone":"+14155551212","organization_id":null,"user_fields":{"status":"GOLD"}}""")!.AsObject());
        var connection = fake.Connection("hostile-zendesk");
        return new CampaignVendor(fake, connection, "users", "status");
    }

    private static async Task<CampaignVendor> SugarCrm()
    {
        var fake = await SugarCrmFake.StartAsync();
        fake.Records.Add(new() { ["id"] = "c1", ["phone_work"] = CallerNumber, ["phone_mobile"] = "", ["status_c"] = HostileVendorAnswer.Marker });
        var connection = fake.Connection("hostile-sugarcrm");
        return new CampaignVendor(fake, connection, "Contacts", "status_c");
    }

    private static async Task<CampaignVendor> SuiteCrm()
    {
        var fake = await SuiteCrmFake.StartAsync();
        fake.Records.Add(new() { ["id"] = "c1", ["phone_mobile"] = "4155551212", ["status_c"] = HostileVendorAnswer.Marker });
        var connection = fake.Connection(jsonApi: true, "hostile-suitecrm");
        return new CampaignVendor(fake, connection, "Contacts", "status_c");
    }

    private static async Task<CampaignVendor> Vtiger()
    {
        var fake = await VtigerFake.StartAsync();
        fake.Records.Add(new() { ["id"] = "12x34", ["mobile"] = CallerNumber, ["cf_853"] = HostileVendorAnswer.Marker });
        var connection = fake.Connection("hostile-vtiger");
        return new CampaignVendor(fake, connection, "Contacts", "cf_853");
    }

    private static async Task<CampaignVendor> Bullhorn()
    {
        var fake = await BullhornFake.StartAsync();
        fake.Records.Add(JsonNode.Parse("""{"id":123,"phone":"(415) 555-1212","mobile":"","customText1":"GOLD"}""")!.AsObject());
        var connection = fake.Connection("hostile-bullhorn");
        return new CampaignVendor(fake, connection, "ClientContact", "customText1");
    }
}

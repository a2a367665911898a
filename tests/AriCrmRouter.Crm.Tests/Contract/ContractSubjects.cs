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

    /// <summary>A subject whose connector, built as the host builds it, asks <paramref name="fake"/> for <paramref name="record"/>.</summary>
    private static ContractSubject Subject<TConnector>(FakeVendor fake, ConnectorTestHost<TConnector> host, CrmConnection connection, Func<RecordedRequest, bool> isLookupRequest, SeededRecord record, params string[] issuedCredentials)
        where TConnector : ICrmConnector => new()
    {
        Connector = host.Connector,
        Connection = connection,
        Server = fake.Server,
        IsLookupRequest = isLookupRequest,
        Module = record.Module, Field = record.Field, EmptyField = record.EmptyField, Caller = record.Caller,
        IssuedCredentials = issuedCredentials,
        Owned = [fake, host],
    };

    private static async Task<ContractSubject> ZohoAsync(CrmOptions options)
    {
        var zoho = await FakeZoho.StartAsync();
        zoho.Add("Contacts", ["+14155551212"], new JsonObject { ["id"] = "3477061000000419001", ["Status"] = "GOLD", ["Description"] = null });
        var connection = zoho.Connection();
        var host = new ConnectorTestHost<ZohoConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), options: options);
        return Subject(zoho, host, connection, r => r.Path.StartsWith("/crm", StringComparison.Ordinal), new("Contacts", "Status", "Description", "+14155551212"), "1000.access-");
    }

    private static async Task<ContractSubject> SalesforceAsync(CrmOptions options)
    {
        var salesforce = await FakeSalesforce.StartAsync();
        salesforce.Records.Add(("Contact", ["(415) 555-1212"], new JsonObject { ["Id"] = "003xx000004TmiQAAS", ["Status__c"] = "GOLD", ["Description"] = null }));
        var connection = salesforce.Connection();
        var host = new ConnectorTestHost<SalesforceConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), options: options);
        return Subject(salesforce, host, connection, r => r.Path.StartsWith("/services/data", StringComparison.Ordinal), new("Contact", "Status__c", "Description", "4155551212"), "00D-session-");
    }

    private static async Task<ContractSubject> HubSpotAsync(CrmOptions options)
    {
        var hubspot = await FakeHubSpot.StartAsync();
        hubspot.Records.Add(("contacts", new() { ["hs_object_id"] = "512", ["phone"] = "(415) 555-1212", ["status"] = "GOLD", ["notes"] = null }));
        var connection = hubspot.PrivateAppConnection();
        var host = new ConnectorTestHost<HubSpotConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), options: options);
        return Subject(hubspot, host, connection, r => r.Path.StartsWith("/crm/v3/objects", StringComparison.Ordinal), new("contacts", "status", "notes", "+14155551212"));
    }

    private static async Task<ContractSubject> PipedriveAsync(CrmOptions options)
    {
        var pipedrive = await FakePipedrive.StartAsync();
        pipedrive.AddPerson("(415) 555-1212", new JsonObject { [FakePipedrive.StatusKey] = 27, [FakePipedrive.OtherCodeKey] = null });
        var connection = pipedrive.ApiTokenConnection();
        var host = new ConnectorTestHost<PipedriveConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), options: options);
        return Subject(pipedrive, host, connection, r => r.Path.StartsWith("/api/v2/persons", StringComparison.Ordinal), new("persons", "Status", "Other code", "4155551212"));
    }

    private static async Task<ContractSubject> SugarCrmAsync(CrmOptions options)
    {
        var sugar = await SugarCrmFake.StartAsync();
        sugar.Records.Add(new() { ["id"] = "c1", ["phone_work"] = "+14155551212", ["status_c"] = "GOLD", ["description"] = null });
        var connection = sugar.Connection();
        var host = new ConnectorTestHost<SugarCrmConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), options: options);
        return Subject(sugar, host, connection, r => r.Path.EndsWith("/filter", StringComparison.Ordinal), new("Contacts", "status_c", "description", "+1 415 555 1212"), "access-");
    }

    private static async Task<ContractSubject> ZendeskAsync(CrmOptions options)
    {
        var zendesk = await ZendeskFake.StartAsync();
        zendesk.Users.Add(JsonNode.Parse("""{"id":501,"name":"Ann","phone":"+14155551212","external_id":"12345","organization_id":null,"user_fields":{"status":"GOLD","tier":null}}""")!.AsObject());
        var connection = zendesk.Connection();
        var host = new ConnectorTestHost<ZendeskConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), options: options);
        return Subject(zendesk, host, connection, r => r.Path.StartsWith("/api/v2", StringComparison.Ordinal), new("users", "status", "tier", "(415) 555-1212"));
    }

    private static async Task<ContractSubject> BullhornAsync(CrmOptions options)
    {
        var bullhorn = await BullhornFake.StartAsync();
        bullhorn.Records.Add(JsonNode.Parse("""{"id":123,"phone":"(415) 555-1212","mobile":"","customText1":"GOLD","customText2":"12345","customText3":null}""")!.AsObject());
        var connection = bullhorn.Connection();
        var host = new ConnectorTestHost<BullhornConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), services => services.AddBullhornAuthorizeClient(), options);
        return Subject(bullhorn, host, connection, r => r.Path.StartsWith("/west/rest-services/corp1", StringComparison.Ordinal), new("ClientContact", "customText1", "customText3", "+1 415 555 1212"));
    }

    /// <summary>The record a subject's fake holds: found by <c>Caller</c>, GOLD in <c>Field</c>, nothing in <c>EmptyField</c>.</summary>
    private readonly record struct SeededRecord(string Module, string Field, string EmptyField, string Caller);
}

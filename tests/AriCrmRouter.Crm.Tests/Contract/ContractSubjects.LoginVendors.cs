using AriCrmRouter.Crm.CustomCrm;

namespace AriCrmRouter.Crm.Tests.Contract;

/// <summary>The connectors that log in with a client secret or a password, and the custom CRM.</summary>
internal static partial class ContractSubjects
{
    private static async Task<ContractSubject> DynamicsAsync(CrmOptions options)
    {
        var dynamics = await FakeDynamics.StartAsync();
        dynamics.WebApiRecords["contacts"] = [new JsonObject { ["contactid"] = "a1b2c3d4-0000-0000-0000-000000000001", ["mobilephone"] = "(415) 555-1212", ["new_status"] = "GOLD", ["description"] = null }];
        var connection = dynamics.WebApiConnection();
        var host = new ConnectorTestHost<DynamicsConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), options: options);
        return Subject(dynamics, host, connection, r => r.Path.StartsWith("/api/data", StringComparison.Ordinal), new("contacts", "new_status", "description", "4155551212"), "eyJ0eXAi.dynamics-");
    }

    /// <summary>SuiteCRM 8's JSON:API (<paramref name="legacy"/> false) or SuiteCRM 7's v4_1 REST API, on one fake.</summary>
    private static async Task<ContractSubject> SuiteCrmAsync(CrmOptions options, bool legacy)
    {
        var suite = await SuiteCrmFake.StartAsync();
        suite.Records.Add(new() { ["id"] = "c1", ["phone_work"] = "(415) 555-1212", ["phone_mobile"] = "4155551212", ["status_c"] = "GOLD", ["description"] = "" });
        var host = new ConnectorTestHost<SuiteCrmConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), options: options);
        var connection = suite.Connection(jsonApi: !legacy);
        var record = new SeededRecord("Contacts", "status_c", "description", "+1 415 555 1212");
        return Subject(suite, host, connection, SuiteCrmFake.IsLookup, record, legacy ? "session-" : "jwt-");
    }

    private static async Task<ContractSubject> VtigerAsync(CrmOptions options)
    {
        var vtiger = await VtigerFake.StartAsync();
        vtiger.Records.Add(new() { ["id"] = "12x34", ["mobile"] = "+14155551212", ["cf_853"] = "GOLD", ["description"] = "" });
        var connection = vtiger.Connection();
        var host = new ConnectorTestHost<VtigerConnector>((http, o, time, logger) => new(new VendorClient(http, o, time), logger), options: options);
        return Subject(vtiger, host, connection, r => r.Query.Contains("operation=query", StringComparison.Ordinal), new("Contacts", "cf_853", "description", "4155551212"));
    }

    /// <summary>The custom CRM over HTTPS, its API key in a header; the client trusts the fake's test certificate.</summary>
    private static async Task<ContractSubject> CustomAsync(CrmOptions options)
    {
        var certificates = TestCertificates.Create();
        var crm = await FakeCustomCrm.StartAsync(certificates);
        crm.Add("+14155551212", ("status", "GOLD"));
        var services = new ServiceCollection();
        var trusted = certificates.Server.GetCertHashString();
        services.AddHttpClient(CrmHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == trusted },
        });
        var provider = services.BuildServiceProvider();
        var source = new CustomCrmSource(crm.LookupUrl, UsePost: false, new Dictionary<string, string> { ["X-Api-Key"] = "custom-crm-api-key-value" });
        return new ContractSubject
        {
            Connector = new CustomCrmConnector(new CustomCrmClient(provider.GetRequiredService<IHttpClientFactory>(), Options.Create(options))),
            Connection = CustomCrmConnector.ConnectionFor(source),
            Server = crm.Server,
            IsLookupRequest = r => r.Path == "/lookup",
            Module = "", Field = "status", EmptyField = "notes", Caller = "+14155551212",
            RenewsCredentials = false,
            ReadsRetryAfter = false,
            Owned = [certificates, crm, provider],
        };
    }
}

using AriCrmRouter.TestKit.Crm.Vendors;

namespace AriCrmRouter.EndToEndTests;

/// <summary>
/// A rule whose CRM is a vendor integration ("CRM from CRM &gt; Integration"), not the custom protocol: a real SIPp
/// call through the real Asterisk is routed by the HubSpot connector talking to a HubSpot fake over HTTP.
/// </summary>
[Collection(EndToEndTier.Name)]
public sealed class IntegrationConnectorTests(EndToEndEnvironment stack, IntegrationConnectorTests.HubSpotFixture hubSpot)
    : IClassFixture<IntegrationConnectorTests.HubSpotFixture>, IAsyncLifetime
{
    private const string Did = "5556000";
    private const string GoldContact = "15550107777";
    private const string SilverContact = "15550108888";
    private const string RejectedContact = "15550109999";

    public Task InitializeAsync() => hubSpot.ConfigureOnceAsync(stack);

    public Task DisposeAsync()
    {
        hubSpot.Fake.RejectEveryToken = false;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task HubSpotRule_ContactWithGoldTier_LandsInTheGoldQueue()
    {
        var call = await stack.CallAsync(Did, GoldContact);

        call.AssertLanded("queue:610", "hubspot-tier", "row-matched");
        var search = Assert.Single(hubSpot.Fake.Searches, s => s.Body.Contains("15550107777", StringComparison.Ordinal));
        Assert.Equal($"Bearer {FakeHubSpot.PrivateAppToken}", search.Headers["Authorization"]);
        Assert.DoesNotContain(FakeHubSpot.PrivateAppToken, search.Path + search.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubSpotRule_ContactFoundByMobileInAnotherFormat_LandsInTheIvr()
    {
        var call = await stack.CallAsync(Did, SilverContact);

        Assert.Equal(("ivr:700", "row-matched"), (call.Landing.Destination, call.Landing.Reason));
    }

    [Fact]
    public async Task HubSpotRule_TokenRejected_GoesToTheDefaultDestination()
    {
        hubSpot.Fake.RejectEveryToken = true;

        var call = await stack.CallAsync(Did, RejectedContact);

        Assert.Equal(("queue:620", "lookup-failed"), (call.Landing.Destination, call.Landing.Reason));
    }

    /// <summary>One HubSpot fake for the class; the connection and the rule are added to the running stack once.</summary>
    public sealed class HubSpotFixture : IAsyncLifetime
    {
        private readonly SemaphoreSlim _configure = new(1, 1);
        private bool _configured;

        public FakeHubSpot Fake { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Fake = await FakeHubSpot.StartAsync();
            Fake.Records.Add(("contacts", new Dictionary<string, string?> { ["hs_object_id"] = "501", ["phone"] = "+15550107777", ["customer_tier"] = "GOLD" }));
            Fake.Records.Add(("contacts", new Dictionary<string, string?> { ["hs_object_id"] = "502", ["mobilephone"] = "+1 555-010-8888", ["customer_tier"] = "silver" }));
            Fake.Records.Add(("contacts", new Dictionary<string, string?> { ["hs_object_id"] = "503", ["phone"] = "+15550109999", ["customer_tier"] = "GOLD" }));
        }

        public async Task DisposeAsync()
        {
            await Fake.DisposeAsync();
            _configure.Dispose();
        }

        public async Task ConfigureOnceAsync(EndToEndEnvironment stack)
        {
            await _configure.WaitAsync();
            try
            {
                if (_configured)
                {
                    return;
                }

                await stack.AdminAsync("crm", "add", "hubspot-e2e", "--kind", "hubspot",
                    "--setting", $"baseUrl={Fake.Server.BaseUri.ToString().TrimEnd('/')}",
                    "--secret", $"accessToken={FakeHubSpot.PrivateAppToken}");
                var rules = stack.RunFile("hubspot-rules.json");
                await File.WriteAllTextAsync(rules, $$"""
                    {
                      "rules": [
                        {
                          "name": "hubspot-tier",
                          "crmField": "customer_tier",
                          "location": "did",
                          "crm": { "type": "integration", "connection": "hubspot-e2e", "module": "contacts" },
                          "defaultDestination": { "type": "queue", "target": "620" },
                          "rows": [
                            { "operator": "=", "value": "gold", "destination": { "type": "queue", "target": "610" } },
                            { "operator": "=", "value": "SILVER", "destination": { "type": "ivr", "target": "700" } }
                          ],
                          "lookup": { "timeoutMs": 3000 }
                        }
                      ],
                      "dids": { "{{Did}}": "hubspot-tier" }
                    }
                    """);
                await stack.AdminAsync("rules", "import", rules);
                await Task.Delay(TimeSpan.FromSeconds(1.5)); // the router picks rule changes up within a second
                _configured = true;
            }
            finally
            {
                _configure.Release();
            }
        }
    }
}

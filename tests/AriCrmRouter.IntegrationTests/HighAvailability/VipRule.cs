namespace AriCrmRouter.IntegrationTests.HighAvailability;

/// <summary>The rule set of the high-availability tests: DID 5551000, GOLD callers to queue 103, others to 100.</summary>
internal static class VipRule
{
    public const string Json = """
        {
          "rules": [
            {
              "name": "vip",
              "crmField": "status",
              "location": "did",
              "crm": { "type": "custom", "url": "{CRM_URL}", "usePost": false, "headers": {} },
              "defaultDestination": { "type": "queue", "target": "100" },
              "rows": [ { "operator": "=", "value": "GOLD", "destination": { "type": "queue", "target": "103" } } ]
            }
          ],
          "dids": { "5551000": "vip" }
        }
        """;
}

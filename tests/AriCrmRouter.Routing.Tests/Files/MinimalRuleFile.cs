namespace AriCrmRouter.Routing.Tests.Files;

/// <summary>The smallest valid rule file, for tests that change or add one member of it.</summary>
internal static class MinimalRuleFile
{
    public const string MinimalCrm = "\"crm\": { \"type\": \"custom\", \"url\": \"https://crm.example.com/lookup\" }";

    /// <summary>A valid one-rule file; <paramref name="extraMembers"/> (starting with a comma) is appended to the rule.</summary>
    public static string Minimal(string extraMembers, string rowValue = "\"GOLD\"") => $$"""
        {
          "rules": [
            { "name": "vip", "crmField": "status", "location": "did", {{MinimalCrm}},
              "defaultDestination": { "type": "queue", "target": "100" },
              "rows": [ { "operator": "=", "value": {{rowValue}}, "destination": { "type": "queue", "target": "103" } } ]{{extraMembers}} }
          ],
          "dids": {}
        }
        """;

    public static Rule ParseSingleRule(string json)
    {
        var result = RuleFileCodec.Parse(json);
        Assert.Empty(result.Problems);
        return Assert.Single(result.RuleSet!.Rules);
    }
}

namespace AriCrmRouter.Cli.Tests;

/// <summary>Rule files as admins write them.</summary>
internal static class RuleFiles
{
    public static string Rule(string name, string field = "status", string defaultQueue = "100", string goldQueue = "103") => $$"""
        {
          "name": "{{name}}",
          "crmField": "{{field}}",
          "location": "did",
          "crm": { "type": "integration", "connection": "zoho-eu", "module": "Contacts" },
          "defaultDestination": { "type": "queue", "target": "{{defaultQueue}}" },
          "defaultVoicemail": "notSet",
          "rows": [ { "operator": "=", "value": "GOLD", "destination": { "type": "queue", "target": "{{goldQueue}}" } } ]
        }
        """;

    public static string CustomRule(string name, string apiKey) => $$"""
        {
          "name": "{{name}}",
          "crmField": "status",
          "location": "did",
          "crm": { "type": "custom", "url": "https://crm.example.com/lookup", "usePost": false, "headers": { "X-Api-Key": "{{apiKey}}" } },
          "defaultDestination": { "type": "queue", "target": "100" },
          "defaultVoicemail": "notSet",
          "rows": [ { "operator": "=", "value": "GOLD", "destination": { "type": "queue", "target": "103" } } ]
        }
        """;

    public static string File(IEnumerable<string> rules, IReadOnlyDictionary<string, string>? dids = null) =>
        $$"""{ "rules": [ {{string.Join(",\n", rules)}} ], "dids": { {{string.Join(", ", (dids ?? new Dictionary<string, string>()).Select(d => $"\"{d.Key}\": \"{d.Value}\""))}} } }""";

    /// <summary>A file with one good rule and one whose row operator is not an operator.</summary>
    public static string Invalid() => File([Rule("good"), Rule("bad").Replace("\"operator\": \"=\"", "\"operator\": \"=>\"", StringComparison.Ordinal)]);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Routing.Files;
using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Cli.Commands;

/// <summary><c>rules show &lt;name&gt;</c>: one rule as JSON (header values hidden) and the DIDs pointing at it.</summary>
internal static class RuleShowCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Rule name (any case)" };
        var command = new Command("show", "Print one rule as JSON and the DIDs pointing at it") { name };
        return context.RunsOnRule(command, name, RulesCommands.NoRule, async (parse, storage, stored, rule, ct) =>
        {
            await context.Out.WriteLineAsync(RuleJson(rule));
            var dids = RuleAdministration.DidsOf(stored.RuleSet, rule.Name);
            await context.Out.WriteLineAsync(dids.Count == 0 ? "DIDs: (none)" : $"DIDs: {string.Join(", ", dids)}");
            return ExitCodes.Success;
        });
    }

    /// <summary>
    /// The rule as it appears in a rule file, except custom CRM header values: they usually carry API keys, so
    /// only <c>rules export</c> (meant for backups and editing) prints them.
    /// </summary>
    private static string RuleJson(Rule rule)
    {
        if (rule.Crm is UnreadableCustomCrmSource unreadable)
        {
            var shown = rule with { Crm = new CustomCrmSource(unreadable.Url, unreadable.UsePost, new Dictionary<string, string>()) };
            var node = JsonNode.Parse(RuleFileCodec.SerializeRule(shown))!;
            node["crm"]!["headers"] = $"(cannot be decrypted: {unreadable.Reason}; calls go to the default destination)";
            return node.ToJsonString(IndentedJson);
        }

        var json = JsonNode.Parse(RuleFileCodec.SerializeRule(rule))!;
        if (json["crm"]?["headers"] is JsonObject headers)
        {
            foreach (var name in headers.Select(h => h.Key).ToList())
            {
                headers[name] = HiddenValue;
            }
        }

        return json.ToJsonString(IndentedJson);
    }

    internal const string HiddenValue = "(hidden; see rules export)";

    private static readonly JsonSerializerOptions IndentedJson = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

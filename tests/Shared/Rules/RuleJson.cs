using System.Text.Json;
using System.Text.Json.Nodes;

namespace AriCrmRouter.Tests.Rules;

/// <summary>
/// Rule files as admins write them (docs/rules.md), for the tests that import them through the admin CLI: custom-CRM
/// rules asking for the field <c>status</c>, built from the parts a test cares about. <see cref="CrmUrl"/> stands for
/// the fake CRM's lookup URL where the test fills it in on import.
/// </summary>
internal static class RuleJson
{
    public const string CrmUrl = "{CRM_URL}";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>DID 5551000 to rule vip: GOLD callers to queue <paramref name="goldQueue"/>, everyone else to queue 100.</summary>
    public static string Vip(string goldQueue = "103", int? lookupTimeoutMs = null) =>
        File([Did("vip", [Row("=", "GOLD", "queue", goldQueue)], lookupTimeoutMs: lookupTimeoutMs)], ("5551000", "vip"));

    /// <summary>A rule file: the rules and the DIDs that lead to them.</summary>
    public static string File(JsonObject[] rules, params (string Did, string Rule)[] dids)
    {
        var map = new JsonObject();
        foreach (var (did, rule) in dids)
        {
            map[did] = rule;
        }

        return new JsonObject { ["rules"] = new JsonArray(rules), ["dids"] = map }.ToJsonString(Indented);
    }

    /// <summary>A DID rule (the call is not answered; the CRM is asked about the caller) with a queue as its default.</summary>
    public static JsonObject Did(string name, JsonObject[] rows, string defaultQueue = "100", JsonObject? crm = null, int? lookupTimeoutMs = null)
    {
        var rule = Rule(name, "did", crm ?? Crm(), Destination("queue", defaultQueue), rows);
        if (lookupTimeoutMs is { } timeout)
        {
            rule["lookup"] = new JsonObject { ["timeoutMs"] = timeout };
        }

        return rule;
    }

    /// <summary>
    /// An IVR rule: greeting enter-account, up to 4 digits ended by #, the digits POSTed to the CRM, extension 200 as
    /// its default (and voicemail there when <paramref name="defaultVoicemail"/> is given).
    /// </summary>
    public static JsonObject Ivr(string name, JsonObject[] rows, string? defaultVoicemail = null)
    {
        var rule = Rule(name, "ivr", Crm(usePost: true), Destination("extension", "200"), rows);
        rule["greeting"] = "enter-account";
        if (defaultVoicemail is not null)
        {
            rule["defaultVoicemail"] = defaultVoicemail;
        }

        rule["dtmf"] = new JsonObject { ["maxDigits"] = 4, ["terminator"] = "#", ["firstDigitTimeoutMs"] = 5000, ["interDigitTimeoutMs"] = 3000 };
        return rule;
    }

    /// <summary>A custom CRM with <paramref name="headers"/> (none by default); <paramref name="withHeaders"/> false leaves out the headers object.</summary>
    public static JsonObject Crm(string url = CrmUrl, bool usePost = false, IReadOnlyDictionary<string, string>? headers = null, bool withHeaders = true)
    {
        var crm = new JsonObject { ["type"] = "custom", ["url"] = url, ["usePost"] = usePost };
        if (withHeaders)
        {
            var names = new JsonObject();
            foreach (var (header, value) in headers ?? new Dictionary<string, string>())
            {
                names[header] = value;
            }

            crm["headers"] = names;
        }

        return crm;
    }

    /// <summary>One row: when the CRM value compares to <paramref name="value"/> by <paramref name="op"/>, go to type:target.</summary>
    public static JsonObject Row(string op, string value, string type, string target) =>
        new() { ["operator"] = op, ["value"] = value, ["destination"] = Destination(type, target) };

    private static JsonObject Rule(string name, string location, JsonObject crm, JsonObject defaultDestination, JsonObject[] rows) => new()
    {
        ["name"] = name,
        ["crmField"] = "status",
        ["location"] = location,
        ["crm"] = crm,
        ["defaultDestination"] = defaultDestination,
        ["rows"] = new JsonArray(rows),
    };

    private static JsonObject Destination(string type, string target) => new() { ["type"] = type, ["target"] = target };
}

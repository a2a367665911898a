using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using AriCrmRouter.Routing.Files;

namespace AriCrmRouter.Storage.Rules;

/// <summary>
/// Custom CRM header values (API keys as often as not) in the stored rule document: encrypted on the way into
/// Redis, decrypted on the way out. The rest of the document stays a plain rule file, so its validation and
/// <c>rules export</c> are unchanged.
/// </summary>
internal static class RuleHeaderSecrets
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The rule file with every header value encrypted (values already encrypted are kept).</summary>
    public static string Encrypt(string ruleFileJson, SecretProtector protector)
    {
        var root = JsonNode.Parse(ruleFileJson, documentOptions: RuleFileCodec.ReadOptions)!;
        foreach (var (_, headers) in HeadersOf(root))
        {
            foreach (var name in headers.Select(header => header.Key).ToList())
            {
                if (headers[name] is JsonValue value && value.TryGetValue<string>(out var text) && !SecretProtector.IsEncrypted(text))
                {
                    headers[name] = protector.Protect(text, SecretPurpose.RuleHeaderValue);
                }
            }
        }

        return root.ToJsonString(WriteOptions);
    }

    /// <summary>
    /// The rule file with header values decrypted. A rule whose values cannot be decrypted gets empty values and is
    /// named in the report (its rule is then made unusable by the caller). A document that is not JSON is returned as
    /// it is, for the rule-file reader to report.
    /// </summary>
    public static (string Json, HeaderSecretsReport Report) Decrypt(string storedJson, SecretProtector protector)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(storedJson, documentOptions: RuleFileCodec.ReadOptions);
        }
        catch (JsonException)
        {
            return (storedJson, HeaderSecretsReport.None);
        }

        if (root is null)
        {
            return (storedJson, HeaderSecretsReport.None);
        }

        int encrypted = 0, plainText = 0;
        var unreadable = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (ruleName, headers) in HeadersOf(root))
        {
            foreach (var name in headers.Select(header => header.Key).ToList())
            {
                if (headers[name] is not JsonValue value || !value.TryGetValue<string>(out var text))
                {
                    continue;
                }

                var reading = protector.Unprotect(text, SecretPurpose.RuleHeaderValue);
                switch (reading.State)
                {
                    case SecretState.Encrypted:
                        encrypted++;
                        headers[name] = reading.Value;
                        break;
                    case SecretState.PlainText:
                        plainText++;
                        break;
                    default:
                        unreadable[ruleName] = reading.Problem ?? "unreadable";
                        headers[name] = "";
                        break;
                }
            }
        }

        return (root.ToJsonString(WriteOptions), new HeaderSecretsReport(encrypted, plainText, unreadable));
    }

    private static IEnumerable<(string RuleName, JsonObject Headers)> HeadersOf(JsonNode root)
    {
        if (root is not JsonObject document || document["rules"] is not JsonArray rules)
        {
            yield break;
        }

        foreach (var rule in rules.OfType<JsonObject>())
        {
            if (rule["crm"] is JsonObject crm && crm["headers"] is JsonObject headers)
            {
                var name = rule["name"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
                yield return (name, headers);
            }
        }
    }
}

/// <summary>How many header values were encrypted or plain text, and which rules have values that cannot be decrypted (and why).</summary>
internal sealed record HeaderSecretsReport(int Encrypted, int PlainText, IReadOnlyDictionary<string, string> UnreadableRules)
{
    public static HeaderSecretsReport None { get; } = new(0, 0, new Dictionary<string, string>());
}

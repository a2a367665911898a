using System.Text.Json.Nodes;
using AriCrmRouter.Tests.Hostile;
using CsCheck;

namespace AriCrmRouter.Routing.Tests.Hostile;

/// <summary>
/// Rule files for the hostile-input campaign: mostly plausible files where members go missing, change kind or carry
/// hostile text, some of them then cut or spliced as text, and some plain random text.
/// </summary>
internal static class HostileRuleFileGen
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static readonly Gen<string> File = Gen.Frequency(
        (8, Gen.Select(HostileText.Any.Array[40], Gen.Int[0, 1_000_000].Array[60], (text, numbers) => Build(new Choices(text, numbers)))),
        (2, Gen.Select(HostileText.Any.Array[40], Gen.Int[0, 1_000_000].Array[60], Gen.Int[0, 3], Gen.String[0, 8],
            (text, numbers, how, splice) => Corrupt(Build(new Choices(text, numbers)), how, numbers[0], splice))),
        (1, Gen.String[0, 200]));

    private static string Build(Choices c)
    {
        var root = new JsonObject();
        if (c.Chance(10))
        {
            root["$schema"] = c.Text("../schema/rules.schema.json");
        }

        if (!c.Chance(5))
        {
            var rules = new JsonArray();
            for (var i = c.Number(4); i > 0; i--)
            {
                rules.Add(c.Chance(5) ? c.AnyValue() : Rule(c));
            }

            root["rules"] = c.Chance(5) ? c.AnyValue() : rules;
        }

        if (!c.Chance(20))
        {
            var dids = new JsonObject();
            for (var i = c.Number(3); i > 0; i--)
            {
                dids[c.Text("5551000")] = c.Chance(10) ? c.AnyValue() : c.Text("vip");
            }

            root["dids"] = dids;
        }

        if (c.Chance(10))
        {
            root[c.Raw()] = c.AnyValue();
        }

        return root.ToJsonString(Compact);
    }

    private static JsonObject Rule(Choices c)
    {
        var rule = new JsonObject();
        c.Member(rule, "name", () => c.Text("vip"));
        c.Member(rule, "crmField", () => c.Text("status"));
        c.Member(rule, "location", () => c.Pick("did", "ivr", "DID"));
        c.Member(rule, "greeting", () => c.Chance(2) ? null : c.Text("custom/welcome"), percent: 30);
        c.Member(rule, "crm", () => c.Chance(2)
            ? new JsonObject { ["type"] = c.Pick("custom", "Custom"), ["url"] = c.Text("https://crm.example.com/lookup"), ["usePost"] = c.Chance(2), ["headers"] = new JsonObject { [c.Text("X-Api-Key")] = c.Text("secret") } }
            : new JsonObject { ["type"] = "integration", ["connection"] = c.Text("zoho-eu"), ["module"] = c.Text("Contacts"), ["keyField"] = c.Text("Account_Number") });
        c.Member(rule, "defaultDestination", () => Destination(c));
        c.Member(rule, "defaultVoicemail", () => c.Pick("yes", "no", "notSet"), percent: 50);
        c.Member(rule, "rows", () =>
        {
            var rows = new JsonArray();
            for (var i = c.Number(4); i > 0; i--)
            {
                rows.Add(new JsonObject
                {
                    ["operator"] = c.Text(c.Pick("<", ">", "=", "<=", ">=")),
                    ["value"] = c.Chance(4) ? JsonValue.Create(c.Number(100_000) / 7.0) : c.Text("GOLD"),
                    ["destination"] = Destination(c),
                });
            }

            return rows;
        });
        c.Member(rule, "dtmf", () => new JsonObject { ["maxDigits"] = c.Number(40), ["terminator"] = c.Text("#"), ["firstDigitTimeoutMs"] = c.Number(70_000) }, percent: 30);
        c.Member(rule, "lookup", () => new JsonObject { ["timeoutMs"] = c.Number(40_000), ["cacheTtlSeconds"] = c.Number(100_000) }, percent: 30);
        if (c.Chance(10))
        {
            rule[c.Raw()] = c.AnyValue();
        }

        return rule;
    }

    private static JsonObject Destination(Choices c) =>
        new() { ["type"] = c.Text(c.Pick("queue", "ivr", "extension", "voicemail", "recording")), ["target"] = c.Text("103") };

    /// <summary>Damage at the text level: cut the file, splice text in, or put an unpaired surrogate escape in a string.</summary>
    private static string Corrupt(string json, int how, int at, string splice)
    {
        var position = json.Length == 0 ? 0 : at % json.Length;
        return how switch
        {
            0 => json[..position],
            1 => json.Insert(position, splice),
            2 => json.Replace("\"vip\"", "\"vip\\ud800\"", StringComparison.Ordinal),
            _ => json.Replace(":", ":/*c*/", StringComparison.Ordinal),
        };
    }

    /// <summary>Draws decisions from generated arrays in turn, so that a shrunk case stays a smaller file.</summary>
    private sealed class Choices(string[] text, int[] numbers)
    {
        private int _text;
        private int _number;

        public int Number(int below) => numbers[_number++ % numbers.Length] % Math.Max(1, below);

        public bool Chance(int oneIn) => Number(oneIn) == 0;

        public string Raw() => text[_text++ % text.Length];

        /// <summary>The plausible value mostly, hostile text sometimes.</summary>
        public string Text(string plausible) => Chance(4) ? Raw() : plausible;

        public string Pick(params string[] options) => options[Number(options.Length)];

        public JsonNode? AnyValue() => Number(6) switch
        {
            0 => null,
            1 => JsonValue.Create(Number(1_000_000) - 500_000),
            2 => JsonValue.Create(Chance(2)),
            3 => new JsonArray(JsonValue.Create(Raw())),
            4 => new JsonObject { [Raw()] = Raw() },
            _ => JsonValue.Create(Raw()),
        };

        /// <summary>Sets a member to its plausible value, or leaves it out, or gives it a value of any kind.</summary>
        public void Member(JsonObject target, string name, Func<JsonNode?> plausible, int percent = 90)
        {
            var roll = Number(100);
            if (roll < percent)
            {
                target[name] = plausible();
            }
            else if (roll < percent + ((100 - percent) / 2))
            {
                target[name] = AnyValue();
            }
        }
    }
}

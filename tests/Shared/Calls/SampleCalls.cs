using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Tests.Calls;

/// <summary>The rules and CRM records the call tests share: DID 5551000 vip, 5552000 value, 5553000 accounts (IVR).</summary>
internal static class SampleCalls
{
    public const string Gold = "+14155550100";
    public const string Silver = "+14155550101";
    public const string BigSpender = "+14155550102";
    public const string Unknown = "+14155550199";

    /// <summary>Adds the sample records through <paramref name="add"/> (a fake CRM's or a fake lookup's <c>Add</c>).</summary>
    public static void Seed(Action<string, (string Field, string Value)[]> add)
    {
        add(Gold, [("status", "GOLD"), ("lifetime_value", "50")]);
        add(Silver, [("status", "silver")]);
        add(BigSpender, [("status", "BRONZE"), ("lifetime_value", "1250.00")]);
        add("12345", [("status", "GOLD")]);
        add("123456", [("status", "GOLD")]);
    }

    public static RuleSet Rules(Uri crmUrl)
    {
        var crm = new CustomCrmSource(crmUrl, false, new Dictionary<string, string>());
        var fast = new LookupSettings { Timeout = TimeSpan.FromSeconds(3) }; // generous: a loaded CI machine must not turn a GOLD answer into a timeout
        Rule[] rules =
        [
            new()
            {
                Name = "vip",
                CrmField = "status",
                Location = RuleLocation.Did,
                Crm = crm,
                DefaultDestination = new Destination(DestinationType.Queue, "100"),
                Rows =
                [
                    new RuleRow(ComparisonOperator.Equal, "GOLD", new Destination(DestinationType.Queue, "103")),
                    new RuleRow(ComparisonOperator.Equal, "SILVER", new Destination(DestinationType.Ivr, "200")),
                ],
                Lookup = fast,
            },
            new()
            {
                Name = "value",
                CrmField = "lifetime_value",
                Location = RuleLocation.Did,
                Crm = crm,
                DefaultDestination = new Destination(DestinationType.Extension, "200"),
                DefaultVoicemail = VoicemailPreference.Yes,
                Rows =
                [
                    new RuleRow(ComparisonOperator.GreaterThanOrEqual, "1000", new Destination(DestinationType.Extension, "201")),
                    new RuleRow(ComparisonOperator.LessThan, "100", new Destination(DestinationType.Recording, "custom/goodbye")),
                ],
                Lookup = fast,
            },
            new()
            {
                Name = "accounts",
                CrmField = "status",
                Location = RuleLocation.Ivr,
                Greeting = "enter-account",
                Crm = crm,
                DefaultDestination = new Destination(DestinationType.Queue, "100"),
                Rows = [new RuleRow(ComparisonOperator.Equal, "GOLD", new Destination(DestinationType.Queue, "103"))],
                Dtmf = new DtmfSettings { MaxDigits = 6, FirstDigitTimeout = TimeSpan.FromSeconds(30), InterDigitTimeout = TimeSpan.FromSeconds(30) },
                Lookup = fast,
            },
        ];
        return new RuleSet(rules, new Dictionary<string, string> { ["5551000"] = "vip", ["5552000"] = "value", ["5553000"] = "accounts" });
    }
}

namespace AriCrmRouter.Routing.Tests;

/// <summary>Builds valid rules for tests, which then change the one member they are about.</summary>
internal static class TestRules
{
    public static Destination Queue(string target) => new(DestinationType.Queue, target);

    public static RuleRow Row(string op, string value, Destination destination)
    {
        Assert.True(ComparisonOperatorSymbols.TryParse(op, out var parsed), $"test uses an unknown operator {op}");
        return new RuleRow(parsed, value, destination);
    }

    public static Rule Did(string name = "vip-status", params RuleRow[] rows) => new()
    {
        Name = name,
        CrmField = "status",
        Location = RuleLocation.Did,
        Crm = new CustomCrmSource(new Uri("https://crm.example.com/lookup"), false, new Dictionary<string, string> { ["X-Api-Key"] = "secret" }),
        DefaultDestination = Queue("100"),
        Rows = rows.Length > 0 ? rows : [Row("=", "GOLD", Queue("103"))],
    };

    /// <summary>A DID rule over ordered and text rows, in the order they are checked: 1000+, 100+, GOLD, negative.</summary>
    public static Rule Tiers { get; } = Did("tiers",
        Row(">=", "1000", Queue("110")),
        Row(">=", "100", Queue("111")),
        Row("=", "GOLD", Queue("103")),
        Row("<", "0", Queue("199")));

    public static Rule Ivr(string name = "account-ivr") => new()
    {
        Name = name,
        CrmField = "Account_Type",
        Location = RuleLocation.Ivr,
        Greeting = "custom/enter-account",
        Crm = new IntegrationCrmSource("zoho-eu", "Contacts", "Account_Number"),
        DefaultDestination = new Destination(DestinationType.Ivr, "500"),
        DefaultVoicemail = VoicemailPreference.No,
        Rows = [Row("=", "Partner", Queue("120")), Row(">=", "10", new Destination(DestinationType.Recording, "custom/big"))],
        Dtmf = new DtmfSettings { MaxDigits = 8, Terminator = null, FirstDigitTimeout = TimeSpan.FromSeconds(6) },
        Lookup = new LookupSettings { Timeout = TimeSpan.FromMilliseconds(1500), CacheTtl = TimeSpan.FromMinutes(5), NegativeCacheTtl = TimeSpan.Zero },
    };

    public static RuleSet Set(params Rule[] rules) =>
        new(rules, rules.ToDictionary(rule => "555" + rule.Name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), rule => rule.Name));
}

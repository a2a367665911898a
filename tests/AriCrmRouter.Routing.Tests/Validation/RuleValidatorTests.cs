namespace AriCrmRouter.Routing.Tests.Validation;

public class RuleValidatorTests
{
    private static readonly Dictionary<string, string> NoDids = [];

    [Fact]
    public void Validate_ValidRules_NoProblems()
    {
        Assert.Empty(RuleValidator.Validate([Did(), Ivr()], new Dictionary<string, string> { ["5551000"] = "vip-status", ["+4420"] = "account-ivr" }));
        Assert.Empty(RuleValidator.Validate(Set(Did(), Ivr())));
    }

    [Theory]
    [InlineData("", "name is required")]
    [InlineData("   ", "name is required")]
    [InlineData("-leading-dash", "must start with a letter or digit")]
    [InlineData("has space", "must start with a letter or digit")]
    [InlineData("ümlaut", "must start with a letter or digit")]
    public void Validate_BadName_Reported(string name, string reason)
    {
        AssertSingle(Did() with { Name = name }, "rules[0].name", reason);
    }

    [Fact]
    public void Validate_NameOfMaximumLength_Accepted()
    {
        Assert.Empty(RuleValidator.ValidateRule(Did(new string('a', RuleLimits.MaxNameLength))));
        AssertSingle(Did(new string('a', RuleLimits.MaxNameLength + 1)), "rules[0].name", "at most 64");
    }

    [Fact]
    public void Validate_DuplicateNamesIgnoringCase_ReportedOnTheSecond()
    {
        var problems = RuleValidator.Validate([Did("vip"), Did("other"), Did("VIP")], NoDids);

        var problem = Assert.Single(problems);
        Assert.Equal("rules[2].name", problem.Path);
        Assert.Contains("rules[0]", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "crmField is required")]
    [InlineData("Account Name", "not a CRM API name")]
    [InlineData("status;drop", "not a CRM API name")]
    public void Validate_BadCrmField_Reported(string field, string reason)
    {
        AssertSingle(Did() with { CrmField = field }, "rules[0].crmField", reason);
    }

    [Fact]
    public void Validate_CrmFieldTooLong_Reported()
    {
        AssertSingle(Did() with { CrmField = new string('f', 101) }, "rules[0].crmField", "longer than 100");
        Assert.Empty(RuleValidator.ValidateRule(Did() with { CrmField = "cf." + new string('f', 97) }));
    }

    [Fact]
    public void Validate_UndefinedLocation_Reported()
    {
        AssertSingle(Did() with { Location = (RuleLocation)7 }, "rules[0].location", "did or ivr");
    }

    [Fact]
    public void Validate_GreetingOnDidRule_Reported()
    {
        AssertSingle(Did() with { Greeting = "custom/hello" }, "rules[0].greeting", "only allowed on ivr rules");
    }

    [Theory]
    [InlineData("/etc/passwd", "relative to the sounds directory")]
    [InlineData("custom/../../secret", "relative to the sounds directory")]
    [InlineData("hello world", "not a valid sound name")]
    [InlineData("", "must not be blank")]
    public void Validate_BadGreetingSound_Reported(string greeting, string reason)
    {
        AssertSingle(Ivr() with { Greeting = greeting }, "rules[0].greeting", reason);
    }

    [Fact]
    public void Validate_MissingCrm_Reported()
    {
        AssertSingle(Did() with { Crm = null! }, "rules[0].crm", "crm is required");
    }

    [Theory]
    [InlineData("http://crm.example.com/lookup", "must start with https://, not http://")]
    [InlineData("ftp://crm.example.com/lookup", "must start with https://, not ftp://")]
    [InlineData("crm.example.com/lookup", "absolute URL starting with https://")]
    [InlineData("https://user:pass@crm.example.com/lookup", "must not contain credentials")]
    public void Validate_BadCustomUrl_Reported(string url, string reason)
    {
        var crm = new CustomCrmSource(new Uri(url, UriKind.RelativeOrAbsolute), false, new Dictionary<string, string>());

        AssertSingle(Did() with { Crm = crm }, "rules[0].crm.url", reason);
    }

    [Theory]
    [InlineData("X Api Key", "value", "not a valid HTTP header name")]
    [InlineData("X-Api-Key:", "value", "not a valid HTTP header name")]
    [InlineData("content-type", "text/plain", "cannot be overridden")]
    [InlineData("Host", "evil.example.com", "cannot be overridden")]
    [InlineData("X-Api-Key", "a\r\nX-Injected: 1", "must not contain CR, LF")]
    public void Validate_BadHeader_Reported(string name, string value, string reason)
    {
        var crm = new CustomCrmSource(new Uri("https://crm.example.com"), true, new Dictionary<string, string> { [name] = value });

        AssertSingle(Did() with { Crm = crm }, $"rules[0].crm.headers[\"{name}\"]", reason);
    }

    [Fact]
    public void Validate_UrlProblem_NeverEchoesTheUrl()
    {
        var crm = new CustomCrmSource(new Uri("http://crm.example.com/lookup?key=s3cret"), false, new Dictionary<string, string>());

        var problem = Assert.Single(RuleValidator.ValidateRule(Did() with { Crm = crm }));
        Assert.DoesNotContain("s3cret", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeaderProblem_NeverEchoesTheValue()
    {
        var crm = new CustomCrmSource(new Uri("https://crm.example.com"), true, new Dictionary<string, string> { ["X-Api-Key"] = "s3cret\n" });

        var problem = Assert.Single(RuleValidator.ValidateRule(Did() with { Crm = crm }));
        Assert.DoesNotContain("s3cret", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeaderNamesDifferingOnlyInCase_Reported()
    {
        var crm = new CustomCrmSource(new Uri("https://crm.example.com"), true, new Dictionary<string, string> { ["X-Key"] = "a", ["x-key"] = "b" });

        AssertSingle(Did() with { Crm = crm }, "rules[0].crm.headers[\"x-key\"]", "more than once");
    }

    [Theory]
    [InlineData("", "Contacts", null, "crm.connection", "connection is required")]
    [InlineData("zoho eu", "Contacts", null, "crm.connection", "not a valid connection name")]
    [InlineData("zoho-eu", "", null, "crm.module", "crm.module is required")]
    [InlineData("zoho-eu", "Contacts!", null, "crm.module", "not a CRM API name")]
    [InlineData("zoho-eu", "Contacts", "Account Number", "crm.keyField", "not a CRM API name")]
    [InlineData("zoho-eu", "Contacts", "", "crm.keyField", "omitted or null")]
    public void Validate_BadIntegrationCrm_Reported(string connection, string module, string? keyField, string path, string reason)
    {
        AssertSingle(Ivr() with { Crm = new IntegrationCrmSource(connection, module, keyField) }, "rules[0]." + path, reason);
    }

    [Fact]
    public void Validate_IntegrationWithoutKeyField_Accepted()
    {
        Assert.Empty(RuleValidator.ValidateRule(Did() with { Crm = new IntegrationCrmSource("zoho-eu", "Accounts") }));
    }

    [Fact]
    public void Validate_MissingDefaultDestination_Reported()
    {
        AssertSingle(Did() with { DefaultDestination = null! }, "rules[0].defaultDestination", "required");
    }

    [Fact]
    public void Validate_UndefinedDefaultVoicemail_Reported()
    {
        AssertSingle(Did() with { DefaultVoicemail = (VoicemailPreference)9 }, "rules[0].defaultVoicemail", "yes, no or notSet");
    }

    [Fact]
    public void Validate_NoRows_Reported()
    {
        AssertSingle(Did() with { Rows = [] }, "rules[0].rows", "at least one row");
    }

    [Fact]
    public void Validate_TooManyRows_Reported()
    {
        var rows = Enumerable.Range(0, RuleLimits.MaxRowsPerRule + 1).Select(i => Row("=", $"v{i}", Queue("1"))).ToArray();

        AssertSingle(Did("many", rows), "rules[0].rows", "more than the limit");
    }

    [Fact]
    public void Validate_UndefinedOperator_Reported()
    {
        AssertSingle(Did("r", new RuleRow((ComparisonOperator)42, "1", Queue("1"))), "rules[0].rows[0].operator", "one of <, >, =");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankRowValue_Reported(string value)
    {
        AssertSingle(Did("r", Row("=", "GOLD", Queue("1")), Row("=", value, Queue("2"))), "rules[0].rows[1].value", "value is required");
    }

    [Fact]
    public void Validate_RowWithoutDestination_Reported()
    {
        AssertSingle(Did("r", Row("=", "GOLD", null!)), "rules[0].rows[0].destination", "destination is required");
    }

    [Theory]
    [InlineData(DestinationType.Queue, "100; Hangup()")]
    [InlineData(DestinationType.Ivr, "5 00")]
    [InlineData(DestinationType.Extension, "2001,1")]
    [InlineData(DestinationType.Voicemail, "2100@default")]
    public void Validate_UnsafeDialplanTarget_Reported(DestinationType type, string target)
    {
        AssertSingle(Did("r", Row("=", "GOLD", new Destination(type, target))), "rules[0].rows[0].destination.target", "not a valid");
    }

    [Theory]
    [InlineData(DestinationType.Queue, "sales-eu_2")]
    [InlineData(DestinationType.Extension, "sales_desk-2")]
    [InlineData(DestinationType.Extension, "5")]
    [InlineData(DestinationType.Recording, "custom/en/gold.welcome")]
    public void Validate_SafeTarget_Accepted(DestinationType type, string target)
    {
        Assert.Empty(RuleValidator.ValidateRule(Did() with { DefaultDestination = new Destination(type, target) }));
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("/var/lib/asterisk/sounds/x")]
    [InlineData("welcome message")]
    public void Validate_BadRecordingName_Reported(string target)
    {
        AssertSingle(Did() with { DefaultDestination = new Destination(DestinationType.Recording, target) }, "rules[0].defaultDestination.target", "sound");
    }

    [Fact]
    public void Validate_BlankTarget_Reported()
    {
        AssertSingle(Did() with { DefaultDestination = Queue(" ") }, "rules[0].defaultDestination.target", "target is required");
    }

    [Fact]
    public void Validate_UndefinedDestinationType_Reported()
    {
        AssertSingle(Did() with { DefaultDestination = new Destination((DestinationType)12, "1") }, "rules[0].defaultDestination.type", "one of queue");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void Validate_MaxDigitsOutOfRange_Reported(int maxDigits)
    {
        AssertSingle(Ivr() with { Dtmf = new DtmfSettings { MaxDigits = maxDigits } }, "rules[0].dtmf.maxDigits", "outside 1..32");
    }

    [Theory]
    [InlineData('X')]
    [InlineData('e')]
    [InlineData(' ')]
    public void Validate_TerminatorNotADtmfDigit_Reported(char terminator)
    {
        AssertSingle(Ivr() with { Dtmf = new DtmfSettings { Terminator = terminator } }, "rules[0].dtmf.terminator", "not a DTMF digit");
    }

    [Theory]
    [InlineData('*')]
    [InlineData('0')]
    [InlineData('D')]
    public void Validate_TerminatorDtmfDigit_Accepted(char terminator)
    {
        Assert.Empty(RuleValidator.ValidateRule(Ivr() with { Dtmf = new DtmfSettings { Terminator = terminator } }));
    }

    [Theory]
    [InlineData(499, true)]
    [InlineData(60_001, true)]
    [InlineData(500, false)]
    [InlineData(60_000, false)]
    public void Validate_DigitTimeouts_Limited(int ms, bool reported)
    {
        var first = Ivr() with { Dtmf = new DtmfSettings { FirstDigitTimeout = TimeSpan.FromMilliseconds(ms) } };
        var inter = Ivr() with { Dtmf = new DtmfSettings { InterDigitTimeout = TimeSpan.FromMilliseconds(ms) } };

        Assert.Equal(reported, RuleValidator.ValidateRule(first).Any(p => p.Path == "dtmf.firstDigitTimeoutMs"));
        Assert.Equal(reported, RuleValidator.ValidateRule(inter).Any(p => p.Path == "dtmf.interDigitTimeoutMs"));
    }

    [Theory]
    [InlineData(99, true)]
    [InlineData(30_001, true)]
    [InlineData(100, false)]
    [InlineData(30_000, false)]
    public void Validate_LookupTimeout_Limited(int ms, bool reported)
    {
        var rule = Did() with { Lookup = new LookupSettings { Timeout = TimeSpan.FromMilliseconds(ms) } };

        Assert.Equal(reported, RuleValidator.ValidateRule(rule).Any(p => p.Path == "lookup.timeoutMs"));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(86_401, true)]
    [InlineData(0, false)]
    [InlineData(86_400, false)]
    public void Validate_CacheTtls_Limited(int seconds, bool reported)
    {
        var positive = Did() with { Lookup = new LookupSettings { CacheTtl = TimeSpan.FromSeconds(seconds) } };
        var negative = Did() with { Lookup = new LookupSettings { NegativeCacheTtl = TimeSpan.FromSeconds(seconds) } };

        Assert.Equal(reported, RuleValidator.ValidateRule(positive).Any(p => p.Path == "lookup.cacheTtlSeconds"));
        Assert.Equal(reported, RuleValidator.ValidateRule(negative).Any(p => p.Path == "lookup.negativeCacheTtlSeconds"));
    }

    [Theory]
    [InlineData("5551000")]
    [InlineData("+15551000")]
    [InlineData("sales_line-2")]
    [InlineData("*77#")]
    public void Validate_WellFormedDid_Accepted(string did)
    {
        Assert.Empty(RuleValidator.Validate([Did()], new Dictionary<string, string> { [did] = "vip-status" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("555 1000")]
    [InlineData("++5551000")]
    [InlineData("555.1000")]
    public void Validate_MalformedDid_Reported(string did)
    {
        var problem = Assert.Single(RuleValidator.Validate([Did()], new Dictionary<string, string> { [did] = "vip-status" }));
        Assert.Equal($"dids[\"{did}\"]", problem.Path);
        Assert.Contains("not a valid DID", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DidTooLong_Reported()
    {
        Assert.False(RuleValidator.IsValidDid(new string('1', RuleLimits.MaxDidLength + 1)));
        Assert.True(RuleValidator.IsValidDid("+" + new string('1', RuleLimits.MaxDidLength)));
    }

    [Fact]
    public void Validate_DidNamingMissingRule_Reported()
    {
        var problem = Assert.Single(RuleValidator.Validate([Did()], new Dictionary<string, string> { ["5551000"] = "vip-gold" }));
        Assert.Equal("dids[\"5551000\"] (vip-gold): names rule 'vip-gold', which does not exist", problem.ToString());
    }

    [Fact]
    public void Validate_DidNamingRuleInOtherCase_Accepted()
    {
        Assert.Empty(RuleValidator.Validate([Did()], new Dictionary<string, string> { ["5551000"] = "VIP-Status" }));
    }

    [Fact]
    public void Validate_DidPointingAtIvrRule_Accepted()
    {
        Assert.Empty(RuleValidator.Validate([Ivr()], new Dictionary<string, string> { ["5551002"] = "account-ivr" }));
    }

    [Fact]
    public void ValidateDidAssignment_ChecksKeyAndTarget()
    {
        Assert.Empty(RuleValidator.ValidateDidAssignment("5551000", "vip-status", ["VIP-STATUS"]));
        Assert.Equal(2, RuleValidator.ValidateDidAssignment("5 5", "gone", ["vip-status"]).Count);
    }

    [Fact]
    public void Validate_SeveralProblems_AllReported()
    {
        var rule = Did() with { Name = "", CrmField = "a b", DefaultDestination = null!, Rows = [] };

        var problems = RuleValidator.Validate([rule], new Dictionary<string, string> { ["x y"] = "nothing" });

        Assert.Equal(
            ["rules[0].name", "rules[0].crmField", "rules[0].defaultDestination", "rules[0].rows", "dids[\"x y\"]", "dids[\"x y\"]"],
            problems.Select(p => p.Path));
    }

    private static void AssertSingle(Rule rule, string path, string reasonFragment)
    {
        var problem = Assert.Single(RuleValidator.Validate([rule], NoDids));
        Assert.Equal(path, problem.Path);
        Assert.Contains(reasonFragment, problem.Reason, StringComparison.Ordinal);
    }
}

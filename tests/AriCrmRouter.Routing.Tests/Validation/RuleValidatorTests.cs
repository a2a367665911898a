namespace AriCrmRouter.Routing.Tests.Validation;

public class RuleValidatorTests
{
    private static readonly Dictionary<string, string> NoDids = [];

    public static TheoryData<InvalidRule> InvalidMembers => InvalidRules.Members;

    /// <summary>Members at the edge of what is allowed: the validator accepts them.</summary>
    public static TheoryData<string, Rule> AcceptedMembers => new()
    {
        { "name of maximum length", Did(new string('a', RuleLimits.MaxNameLength)) },
        { "CRM field of 100 characters", Did() with { CrmField = "cf." + new string('f', 97) } },
        { "integration without key field", Did() with { Crm = new IntegrationCrmSource("zoho-eu", "Accounts") } },
        { "queue target with '_' and '-'", Did() with { DefaultDestination = Queue("sales-eu_2") } },
        { "extension target with '_' and '-'", Did() with { DefaultDestination = new Destination(DestinationType.Extension, "sales_desk-2") } },
        { "one-digit extension", Did() with { DefaultDestination = new Destination(DestinationType.Extension, "5") } },
        { "recording in a sub-directory", Did() with { DefaultDestination = new Destination(DestinationType.Recording, "custom/en/gold.welcome") } },
        { "terminator *", Ivr() with { Dtmf = new DtmfSettings { Terminator = '*' } } },
        { "terminator 0", Ivr() with { Dtmf = new DtmfSettings { Terminator = '0' } } },
        { "terminator D", Ivr() with { Dtmf = new DtmfSettings { Terminator = 'D' } } },
    };

    [Fact]
    public void Validate_ValidRules_NoProblems()
    {
        Assert.Empty(RuleValidator.Validate([Did(), Ivr()], new Dictionary<string, string> { ["5551000"] = "vip-status", ["+4420"] = "account-ivr" }));
        Assert.Empty(RuleValidator.Validate(Set(Did(), Ivr())));
    }

    [Theory]
    [MemberData(nameof(InvalidMembers))]
    public void Validate_OneInvalidMember_ReportedOnceAtItsPath(InvalidRule invalid)
    {
        var problem = Assert.Single(RuleValidator.Validate([invalid.Rule], NoDids));

        Assert.Equal("rules[0]." + invalid.Path, problem.Path);
        Assert.Contains(invalid.Reason, problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AcceptedMembers))]
    public void ValidateRule_MemberAtTheEdgeOfWhatIsAllowed_Accepted(string edge, Rule rule)
    {
        Assert.True(RuleValidator.ValidateRule(rule).Count == 0, edge);
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
    [InlineData("http://crm.example.com/lookup?key=s3cret", null)]
    [InlineData("https://crm.example.com", "s3cret\n")]
    public void ValidateRule_ProblemWithASecret_NeverEchoesIt(string url, string? headerValue)
    {
        var crm = headerValue is null ? InvalidRules.Custom(url) : InvalidRules.Header("X-Api-Key", headerValue);

        var problem = Assert.Single(RuleValidator.ValidateRule(Did() with { Crm = crm }));
        Assert.DoesNotContain("s3cret", problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Each time setting with the values just outside and just inside its limits.</summary>
    [Theory]
    [InlineData("dtmf.firstDigitTimeoutMs", 499, 500, 60_000, 60_001)]
    [InlineData("dtmf.interDigitTimeoutMs", 499, 500, 60_000, 60_001)]
    [InlineData("lookup.timeoutMs", 99, 100, 30_000, 30_001)]
    [InlineData("lookup.cacheTtlSeconds", -1, 0, 86_400, 86_401)]
    [InlineData("lookup.negativeCacheTtlSeconds", -1, 0, 86_400, 86_401)]
    public void ValidateRule_TimeSetting_AcceptedOnlyWithinItsLimits(string path, int tooLow, int lowest, int highest, int tooHigh)
    {
        Assert.True(Reported(path, tooLow));
        Assert.False(Reported(path, lowest));
        Assert.False(Reported(path, highest));
        Assert.True(Reported(path, tooHigh));
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

    private static bool Reported(string path, int value)
    {
        var rule = path switch
        {
            "dtmf.firstDigitTimeoutMs" => Ivr() with { Dtmf = new DtmfSettings { FirstDigitTimeout = TimeSpan.FromMilliseconds(value) } },
            "dtmf.interDigitTimeoutMs" => Ivr() with { Dtmf = new DtmfSettings { InterDigitTimeout = TimeSpan.FromMilliseconds(value) } },
            "lookup.timeoutMs" => Did() with { Lookup = new LookupSettings { Timeout = TimeSpan.FromMilliseconds(value) } },
            "lookup.cacheTtlSeconds" => Did() with { Lookup = new LookupSettings { CacheTtl = TimeSpan.FromSeconds(value) } },
            _ => Did() with { Lookup = new LookupSettings { NegativeCacheTtl = TimeSpan.FromSeconds(value) } },
        };
        return RuleValidator.ValidateRule(rule).Any(p => p.Path == path);
    }
}

namespace AriCrmRouter.Routing.Tests.Evaluation;

public class RuleEvaluatorTests
{
    [Theory]
    [InlineData("5000", "110", 1)]
    [InlineData("1000", "110", 1)]
    [InlineData("999.5", "111", 2)]
    [InlineData("100", "111", 2)]
    [InlineData(" gold ", "103", 3)]
    [InlineData("-1", "199", 4)]
    public void Evaluate_FoundValue_FirstMatchingRowWins(string value, string expectedQueue, int expectedRow)
    {
        var decision = RuleEvaluator.Evaluate(Tiers, LookupOutcome.Found(value));

        Assert.Equal(DecisionReason.RowMatched, decision.Reason);
        Assert.Equal(Queue(expectedQueue), decision.Destination);
        Assert.Equal(expectedRow, decision.MatchedRow);
        Assert.Equal(expectedRow, decision.Trail.Count);
        Assert.True(decision.Trail[^1].Matched);
        Assert.All(decision.Trail.SkipLast(1), check => Assert.False(check.Matched));
    }

    [Fact]
    public void Evaluate_TwoRowsMatch_EarlierRowWinsAndLaterIsNotChecked()
    {
        var rule = Did("overlap", Row(">", "10", Queue("1")), Row(">", "5", Queue("2")));

        var decision = RuleEvaluator.Evaluate(rule, LookupOutcome.Found("20"));

        Assert.Equal(Queue("1"), decision.Destination);
        Assert.Single(decision.Trail);
    }

    [Fact]
    public void Evaluate_NoRowMatches_DefaultDestinationWithFullTrail()
    {
        var decision = RuleEvaluator.Evaluate(Tiers, LookupOutcome.Found("50"));

        Assert.Equal(DecisionReason.NoRowMatched, decision.Reason);
        Assert.Equal(Queue("100"), decision.Destination);
        Assert.Null(decision.MatchedRow);
        Assert.Equal([1, 2, 3, 4], decision.Trail.Select(check => check.Index));
        Assert.All(decision.Trail, check => Assert.False(check.Matched));
    }

    [Theory]
    [InlineData("NotFound", DecisionReason.ValueNotFound)]
    [InlineData("Failed", DecisionReason.LookupFailed)]
    public void Evaluate_NoValueToCompare_DefaultDestinationWithoutTrail(string path, DecisionReason reason)
    {
        var decision = RuleEvaluator.Evaluate(Tiers, Outcome(path));

        Assert.Equal(reason, decision.Reason);
        Assert.Equal(Queue("100"), decision.Destination);
        Assert.Empty(decision.Trail);
        if (reason == DecisionReason.LookupFailed)
        {
            Assert.Equal("timeout after 2000 ms", decision.Detail); // the failure's reason is carried to the decision
        }
    }

    [Theory]
    [InlineData(VoicemailPreference.Yes, false, true)]
    [InlineData(VoicemailPreference.Yes, true, true)]
    [InlineData(VoicemailPreference.No, false, false)]
    [InlineData(VoicemailPreference.No, true, false)]
    [InlineData(VoicemailPreference.NotSet, false, false)]
    [InlineData(VoicemailPreference.NotSet, true, true)]
    public void DefaultDestination_VoicemailPreferenceMatrix(VoicemailPreference preference, bool serviceSetting, bool expectVoicemail)
    {
        var rule = Tiers with { DefaultVoicemail = preference };

        var destination = RuleEvaluator.DefaultDestination(rule, serviceSetting);

        var expected = expectVoicemail ? new Destination(DestinationType.Voicemail, "100") : Queue("100");
        Assert.Equal(expected, destination);
    }

    [Theory]
    [InlineData("NotFound")]
    [InlineData("Failed")]
    [InlineData("NoMatch")]
    public void Evaluate_EveryFallbackPath_HonoursDefaultVoicemail(string path)
    {
        var rule = Tiers with { DefaultVoicemail = VoicemailPreference.Yes };
        var decision = RuleEvaluator.Evaluate(rule, Outcome(path));

        Assert.Equal(new Destination(DestinationType.Voicemail, "100"), decision.Destination);
    }

    [Fact]
    public void Evaluate_RowMatched_IgnoresDefaultVoicemail()
    {
        var rule = Tiers with { DefaultVoicemail = VoicemailPreference.Yes };

        var decision = RuleEvaluator.Evaluate(rule, LookupOutcome.Found("GOLD"), voicemailWhenNotSet: true);

        Assert.Equal(Queue("103"), decision.Destination);
    }

    [Fact]
    public void DefaultDestination_AlreadyVoicemail_StaysAsIs()
    {
        var rule = Tiers with { DefaultDestination = new Destination(DestinationType.Voicemail, "2100"), DefaultVoicemail = VoicemailPreference.Yes };

        Assert.Equal(new Destination(DestinationType.Voicemail, "2100"), RuleEvaluator.DefaultDestination(rule));
    }

    [Fact]
    public void Evaluate_Trail_ExplainsEachComparison()
    {
        var decision = RuleEvaluator.Evaluate(Tiers, LookupOutcome.Found("GOLD"));

        Assert.Contains("ordered operators compare numbers only", decision.Trail[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("text 'GOLD' = 'GOLD'", decision.Trail[2].Explanation, StringComparison.Ordinal);
    }

    /// <summary>How a lookup can end without a row matching: not found, failed, or found a value no row takes.</summary>
    private static LookupOutcome Outcome(string path) => path switch
    {
        "NotFound" => LookupOutcome.NotFound,
        "Failed" => LookupOutcome.Failed("timeout after 2000 ms"),
        _ => LookupOutcome.Found("SILVER"),
    };
}

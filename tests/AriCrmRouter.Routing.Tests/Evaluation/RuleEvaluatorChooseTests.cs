namespace AriCrmRouter.Routing.Tests.Evaluation;

public class RuleEvaluatorChooseTests
{
    private static readonly Rule Tiers = Did("tiers",
        Row(">=", "1000", Queue("110")),
        Row(">=", "100", Queue("111")),
        Row("=", "GOLD", Queue("103")),
        Row("<", "0", Queue("199")));

    public static TheoryData<LookupOutcome, VoicemailPreference, bool> Outcomes => new()
    {
        { LookupOutcome.Found("5000"), VoicemailPreference.NotSet, false },
        { LookupOutcome.Found(" 100 "), VoicemailPreference.NotSet, false },
        { LookupOutcome.Found("gold"), VoicemailPreference.No, true },
        { LookupOutcome.Found("-1"), VoicemailPreference.NotSet, false },
        { LookupOutcome.Found("SILVER"), VoicemailPreference.NotSet, false },
        { LookupOutcome.Found("SILVER"), VoicemailPreference.NotSet, true },
        { LookupOutcome.Found("50"), VoicemailPreference.Yes, false },
        { LookupOutcome.Found(""), VoicemailPreference.No, false },
        { LookupOutcome.NotFound, VoicemailPreference.NotSet, true },
        { LookupOutcome.Failed("timeout after 2000 ms"), VoicemailPreference.NotSet, false },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Choose_AnyOutcome_SameDestinationReasonRowAndDetailAsEvaluate(LookupOutcome outcome, VoicemailPreference voicemail, bool voicemailWhenNotSet)
    {
        var rule = Tiers with { DefaultVoicemail = voicemail };

        var decision = RuleEvaluator.Evaluate(rule, outcome, voicemailWhenNotSet);
        var choice = RuleEvaluator.Choose(rule, outcome, voicemailWhenNotSet);

        Assert.Equal(decision.Destination, choice.Destination);
        Assert.Equal(decision.Reason, choice.Reason);
        Assert.Equal(decision.MatchedRow, choice.MatchedRow);
        Assert.Equal(decision.Detail, choice.Detail);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData(" gold ")]
    [InlineData("SILVER")]
    public void Choose_FoundValueWithoutVoicemailDefault_AllocatesNothing(string value)
    {
        var outcome = LookupOutcome.Found(value);
        RuleEvaluator.Choose(Tiers, outcome);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            RuleEvaluator.Choose(Tiers, outcome);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Choose_LookupFailed_AllocatesNothing()
    {
        var outcome = LookupOutcome.Failed("circuit open");
        RuleEvaluator.Choose(Tiers, outcome);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            RuleEvaluator.Choose(Tiers, outcome);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

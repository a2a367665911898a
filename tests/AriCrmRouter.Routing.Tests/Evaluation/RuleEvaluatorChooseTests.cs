namespace AriCrmRouter.Routing.Tests.Evaluation;

public class RuleEvaluatorChooseTests
{
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

    /// <summary>Values that match a row, match none, and a failed lookup: none of them may allocate.</summary>
    public static TheoryData<LookupOutcome> OutcomesWithoutVoicemailDefault => new()
    {
        LookupOutcome.Found("-1"),
        LookupOutcome.Found(" gold "),
        LookupOutcome.Found("SILVER"),
        LookupOutcome.Failed("circuit open"),
    };

    [Theory]
    [MemberData(nameof(OutcomesWithoutVoicemailDefault))]
    public void Choose_OutcomeWithoutVoicemailDefault_AllocatesNothing(LookupOutcome outcome)
    {
        RuleEvaluator.Choose(Tiers, outcome);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            RuleEvaluator.Choose(Tiers, outcome);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

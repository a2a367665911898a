namespace AriCrmRouter.Routing.Evaluation;

/// <summary>
/// Turns a rule and a lookup outcome into a decision: the first row whose comparison matches wins;
/// otherwise the default destination, or its voicemail when the rule (or, when unset, the service) says so.
/// </summary>
public static class RuleEvaluator
{
    public static Decision Evaluate(Rule rule, LookupOutcome outcome, bool voicemailWhenNotSet = false)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(outcome);

        switch (outcome)
        {
            case LookupOutcome.FoundValue found:
                var trail = new List<RowCheck>(rule.Rows.Count);
                for (var i = 0; i < rule.Rows.Count; i++)
                {
                    var row = rule.Rows[i];
                    var matched = ValueComparer.Matches(found.Value, row.Operator, row.Value, out var explanation);
                    trail.Add(new RowCheck(i + 1, row, matched, explanation));
                    if (matched)
                    {
                        return new Decision(row.Destination, DecisionReason.RowMatched, i + 1, trail);
                    }
                }

                return new Decision(DefaultDestination(rule, voicemailWhenNotSet), DecisionReason.NoRowMatched, null, trail);

            case LookupOutcome.LookupFailure failure:
                return Decision.Fallback(DefaultDestination(rule, voicemailWhenNotSet), DecisionReason.LookupFailed, failure.Reason);

            default:
                return Decision.Fallback(DefaultDestination(rule, voicemailWhenNotSet), DecisionReason.ValueNotFound);
        }
    }

    /// <summary>
    /// The same choice as <see cref="Evaluate"/> without the trail: for the call path, which does not explain its
    /// decisions. Allocates nothing, except the voicemail destination when the default goes to voicemail.
    /// </summary>
    public static RoutingChoice Choose(Rule rule, LookupOutcome outcome, bool voicemailWhenNotSet = false)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(outcome);

        switch (outcome)
        {
            case LookupOutcome.FoundValue found:
                var rows = rule.Rows;
                for (var i = 0; i < rows.Count; i++)
                {
                    var row = rows[i];
                    if (ValueComparer.Matches(found.Value, row.Operator, row.Value))
                    {
                        return new RoutingChoice(row.Destination, DecisionReason.RowMatched, i + 1);
                    }
                }

                return new RoutingChoice(DefaultDestination(rule, voicemailWhenNotSet), DecisionReason.NoRowMatched, null);

            case LookupOutcome.LookupFailure failure:
                return new RoutingChoice(DefaultDestination(rule, voicemailWhenNotSet), DecisionReason.LookupFailed, null, failure.Reason);

            default:
                return new RoutingChoice(DefaultDestination(rule, voicemailWhenNotSet), DecisionReason.ValueNotFound, null);
        }
    }

    /// <summary>The rule's default destination, or the voicemail box of the same number when voicemail applies.</summary>
    public static Destination DefaultDestination(Rule rule, bool voicemailWhenNotSet = false)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var toVoicemail = rule.DefaultVoicemail switch
        {
            VoicemailPreference.Yes => true,
            VoicemailPreference.No => false,
            _ => voicemailWhenNotSet,
        };

        // A recording has no voicemail box (TargetGrammar: the other types share the mailbox grammar).
        return toVoicemail && rule.DefaultDestination.Type is not (DestinationType.Voicemail or DestinationType.Recording)
            ? new Destination(DestinationType.Voicemail, rule.DefaultDestination.Target)
            : rule.DefaultDestination;
    }
}

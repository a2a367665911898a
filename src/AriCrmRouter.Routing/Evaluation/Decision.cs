namespace AriCrmRouter.Routing.Evaluation;

/// <summary>Why a call goes where it goes.</summary>
public enum DecisionReason
{
    /// <summary>A row of the rule matched the CRM value.</summary>
    RowMatched,

    /// <summary>The CRM value matched no row: the rule's default destination.</summary>
    NoRowMatched,

    /// <summary>The CRM had no value for the caller: the rule's default destination.</summary>
    ValueNotFound,

    /// <summary>The lookup failed (timeout, outage, bad answer): the rule's default destination.</summary>
    LookupFailed,

    /// <summary>No rule applies to the call: the service's global fallback destination.</summary>
    RuleNotFound,

    /// <summary>The call was found in the app after a reconnect and could not be resumed: the default destination.</summary>
    Recovered,

    /// <summary>The router is shutting down: the default destination without a lookup.</summary>
    ShuttingDown,

    /// <summary>The call's handling failed unexpectedly: the default destination.</summary>
    InternalError,
}

/// <summary>The result of one row's comparison, kept for the decision trail.</summary>
public sealed record RowCheck(int Index, RuleRow Row, bool Matched, string Explanation);

/// <summary>Where a call goes, why, and the trail that led there.</summary>
public sealed record Decision(
    Destination Destination,
    DecisionReason Reason,
    int? MatchedRow,
    IReadOnlyList<RowCheck> Trail,
    string? Detail = null)
{
    /// <summary>A decision that sends the call to <paramref name="destination"/> without evaluating any row.</summary>
    public static Decision Fallback(Destination destination, DecisionReason reason, string? detail = null) =>
        new(destination, reason, null, [], detail);
}

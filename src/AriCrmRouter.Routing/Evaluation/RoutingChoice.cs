namespace AriCrmRouter.Routing.Evaluation;

/// <summary>
/// Where a call goes and why, without the trail of row checks: what <see cref="RuleEvaluator.Choose"/> returns
/// for callers that do not explain the decision. A value type, so choosing allocates nothing.
/// </summary>
public readonly record struct RoutingChoice(Destination Destination, DecisionReason Reason, int? MatchedRow, string? Detail = null);

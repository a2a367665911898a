namespace AriCrmRouter.Service.Destinations;

/// <summary>
/// The one channel variable the router sets before it continues a call: <c>CRMROUTER_DECISION=reason:rule:target</c>
/// (e.g. <c>row-matched:vip:610</c>; no rule: <c>rule-not-found::500</c>). One request instead of one per label; the
/// dialplan's <c>crmrouter-landed</c> splits it into CRMROUTER_REASON, CRMROUTER_RULE and CRMROUTER_TARGET. ':' can
/// appear in none of the three (reason names, rule names and targets have grammars without it); the target is the last
/// field, and the dialplan reads it as "field 3 to the end".
/// </summary>
public static class DecisionLabel
{
    public const string VariableName = "CRMROUTER_DECISION";

    public static string Value(string reason, string? rule, string target) => string.Concat(reason, ":", rule ?? "", ":", target);
}

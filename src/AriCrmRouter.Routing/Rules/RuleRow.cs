namespace AriCrmRouter.Routing.Rules;

/// <summary>One row of a rule: <c>value-from-CRM {Operator} Value</c> sends the call to <see cref="Destination"/>.</summary>
public sealed record RuleRow(ComparisonOperator Operator, string Value, Destination Destination);

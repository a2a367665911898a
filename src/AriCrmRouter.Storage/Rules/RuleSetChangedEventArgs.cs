namespace AriCrmRouter.Storage.Rules;

/// <summary>A router swapped in a new rule set.</summary>
public sealed class RuleSetChangedEventArgs(StoredRuleSet previous, StoredRuleSet current) : EventArgs
{
    public StoredRuleSet Previous { get; } = previous;

    public StoredRuleSet Current { get; } = current;
}

namespace AriCrmRouter.Routing.Rules;

/// <summary>
/// The rules in force and the DID assignments that point at them. Immutable: a change produces a new set.
/// Rule names and DIDs are matched case-insensitively.
/// </summary>
public sealed class RuleSet
{
    public static RuleSet Empty { get; } = new([], new Dictionary<string, string>());

    private readonly Dictionary<string, Rule> _rules;
    private readonly Dictionary<string, string> _dids;

    /// <summary>
    /// Builds a set; of rules sharing a name (ignoring case) the last one is kept. Check a list with
    /// <c>RuleValidator.Validate(rules, dids)</c> first to have duplicates reported instead.
    /// </summary>
    public RuleSet(IEnumerable<Rule> rules, IReadOnlyDictionary<string, string> didAssignments)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(didAssignments);
        _rules = new Dictionary<string, Rule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            _rules[rule.Name] = rule;
        }

        _dids = new Dictionary<string, string>(didAssignments, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Rules ordered by name.</summary>
    public IReadOnlyList<Rule> Rules => [.. _rules.Values.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>DID (the dialed extension) to rule name; DIDs are matched ignoring case.</summary>
    public IReadOnlyDictionary<string, string> DidAssignments => _dids;

    public Rule? FindByName(string name) => _rules.GetValueOrDefault(name.Trim());

    /// <summary>The rule assigned to a dialed number; tries the number as dialed, then without a leading '+'.</summary>
    public Rule? FindByDid(string did)
    {
        var key = did.Trim();
        if (_dids.TryGetValue(key, out var name) || (key.StartsWith('+') && _dids.TryGetValue(key[1..], out name)))
        {
            return FindByName(name);
        }

        return null;
    }
}

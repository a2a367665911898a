using AriCrmRouter.Routing.Files;

namespace AriCrmRouter.Storage.History;

/// <summary>Says in one line what changed between two rule sets: rules added, changed, removed; DIDs assigned, re-pointed, unassigned.</summary>
public static class RuleSetDiff
{
    public static string Describe(RuleSet before, RuleSet after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string>();
        foreach (var rule in after.Rules)
        {
            if (before.FindByName(rule.Name) is not { } old)
            {
                parts.Add($"added rule '{rule.Name}'");
            }
            else if (RuleFileCodec.SerializeRule(old) != RuleFileCodec.SerializeRule(rule))
            {
                parts.Add($"changed rule '{rule.Name}'");
            }
        }

        parts.AddRange(before.Rules.Where(r => after.FindByName(r.Name) is null).Select(r => $"removed rule '{r.Name}'"));
        foreach (var (did, rule) in after.DidAssignments.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (!before.DidAssignments.TryGetValue(did, out var oldRule))
            {
                parts.Add($"assigned DID {did} to '{rule}'");
            }
            else if (!string.Equals(oldRule, rule, StringComparison.OrdinalIgnoreCase))
            {
                parts.Add($"re-pointed DID {did} from '{oldRule}' to '{rule}'");
            }
        }

        parts.AddRange(before.DidAssignments.Keys
            .Where(did => !after.DidAssignments.ContainsKey(did))
            .Order(StringComparer.Ordinal)
            .Select(did => $"unassigned DID {did}"));
        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }
}

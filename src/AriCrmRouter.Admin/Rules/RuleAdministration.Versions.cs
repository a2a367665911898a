using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Admin.Rules;

/// <summary>
/// Changes made against a version the admin saw (web form, REST API with If-Match, rollback): when the stored
/// set has moved since, nothing is written and the change reports a conflict instead of retrying blindly.
/// </summary>
public sealed partial class RuleAdministration
{
    /// <summary>
    /// Adds or replaces one rule. With <paramref name="originalName"/> the rule of that name is replaced (it may
    /// be renamed; DIDs pointing at it follow the new name); without it the name must be new.
    /// </summary>
    public Task<RuleChange> SaveRuleAsync(Rule rule, string? originalName, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ChangeAtAsync(
            expectedVersion,
            stored =>
            {
                if (originalName is null)
                {
                    return stored.FindByName(rule.Name) is null
                        ? RuleEdit.To(new RuleSet(stored.Rules.Append(rule), stored.DidAssignments))
                        : RuleEdit.Refuse($"A rule named '{rule.Name}' already exists.");
                }

                if (stored.FindByName(originalName) is not { } old)
                {
                    return RuleEdit.Refuse($"No rule named '{originalName}'.");
                }

                var renamed = !string.Equals(old.Name, rule.Name, StringComparison.OrdinalIgnoreCase);
                if (renamed && stored.FindByName(rule.Name) is not null)
                {
                    return RuleEdit.Refuse($"A rule named '{rule.Name}' already exists.");
                }

                var dids = stored.DidAssignments.ToDictionary(
                    d => d.Key,
                    d => string.Equals(d.Value, old.Name, StringComparison.OrdinalIgnoreCase) ? rule.Name : d.Value,
                    StringComparer.OrdinalIgnoreCase);
                return RuleEdit.To(new RuleSet(stored.Rules.Where(r => r != old).Append(rule), dids));
            },
            cancellationToken);
    }

    /// <summary>Makes <paramref name="earlier"/> (a recorded version) the stored set again, as a new version.</summary>
    public Task<RuleChange> RestoreAsync(RuleSet earlier, long? expectedVersion, CancellationToken cancellationToken) =>
        ChangeAtAsync(expectedVersion, _ => RuleEdit.To(earlier), cancellationToken);

    /// <summary>Deletes a rule, only if the stored set is still <paramref name="expectedVersion"/> (when given).</summary>
    public Task<RuleChange> DeleteRuleAtAsync(string name, long? expectedVersion, CancellationToken cancellationToken) =>
        expectedVersion is null
            ? DeleteRuleAsync(name, cancellationToken)
            : ChangeAtAsync(expectedVersion, stored => Without(stored, name), cancellationToken);

    private async Task<RuleChange> ChangeAtAsync(long? expectedVersion, Func<RuleSet, RuleEdit> edit, CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken);
        if (expectedVersion is { } expected && expected != stored.Version)
        {
            return RuleChange.Conflicted($"The rules were changed by someone else (version {stored.Version}, this change was based on version {expected}); nothing was written. Reload and try again.");
        }

        return await TryWriteAsync(stored, edit, cancellationToken)
            ?? RuleChange.Conflicted("The rules were changed by someone else while this change was being written; nothing was written. Reload and try again.");
    }
}

using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Routing.Validation;
using AriCrmRouter.Storage;

namespace AriCrmRouter.Admin.Rules;

/// <summary>
/// The rule and DID changes admins make, independent of the command line. Every change reads the stored
/// set, applies the edit, validates the WHOLE resulting set, and writes it only if the stored version has
/// not moved in between (otherwise it starts over), so a change is all or nothing and never overwrites a
/// concurrent one.
/// </summary>
public sealed partial class RuleAdministration(IRuleStore store)
{
    private const int MaxAttempts = 5;

    public Task<StoredRuleSet> LoadAsync(CancellationToken cancellationToken) => store.LoadAsync(cancellationToken);

    /// <summary>
    /// Imports a (valid) file: by default its rules replace stored rules of the same name and its DIDs are
    /// added or re-pointed; with <paramref name="replace"/> the file becomes the whole set.
    /// </summary>
    public async Task<RuleChange> ImportAsync(RuleSet file, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (replace)
        {
            var problems = RuleValidator.Validate(file);
            if (problems.Count > 0)
            {
                return RuleChange.Invalid(problems);
            }

            // The previous content does not matter, so neither does a stored document that no longer reads.
            var version = await store.ReplaceAsync(file, cancellationToken);
            return new RuleChange(file, version, [], null);
        }

        return await ChangeAsync(stored => RuleEdit.To(Merge(stored, file)), cancellationToken);
    }

    /// <summary>Stored rules and DIDs overlaid with the file's: same-named rules and same DIDs are replaced.</summary>
    public static RuleSet Merge(RuleSet stored, RuleSet file)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(file);
        var rules = stored.Rules.Where(rule => file.FindByName(rule.Name) is null).Concat(file.Rules);
        var dids = new Dictionary<string, string>(stored.DidAssignments, StringComparer.OrdinalIgnoreCase);
        foreach (var (did, rule) in file.DidAssignments)
        {
            dids[did] = rule;
        }

        return new RuleSet(rules, dids);
    }

    /// <summary>Removes a rule and every DID pointing at it.</summary>
    public Task<RuleChange> DeleteRuleAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(stored => Without(stored, name), cancellationToken);

    /// <summary>Points a DID at an existing rule (re-pointing it if it was assigned).</summary>
    public Task<RuleChange> AssignDidAsync(string did, string ruleName, CancellationToken cancellationToken) =>
        ChangeAsync(
            stored =>
            {
                if (stored.FindByName(ruleName) is not { } rule)
                {
                    return RuleEdit.Refuse($"No rule named '{ruleName}': a DID can only point at an existing rule.");
                }

                var dids = new Dictionary<string, string>(stored.DidAssignments, StringComparer.OrdinalIgnoreCase)
                {
                    [did.Trim()] = rule.Name,
                };
                return RuleEdit.To(new RuleSet(stored.Rules, dids));
            },
            cancellationToken);

    public Task<RuleChange> UnassignDidAsync(string did, CancellationToken cancellationToken) =>
        ChangeAsync(
            stored =>
            {
                var dids = new Dictionary<string, string>(stored.DidAssignments, StringComparer.OrdinalIgnoreCase);
                return dids.Remove(did.Trim())
                    ? RuleEdit.To(new RuleSet(stored.Rules, dids))
                    : RuleEdit.Refuse($"DID '{did}' is not assigned to any rule.");
            },
            cancellationToken);

    /// <summary>DIDs pointing at the named rule, in order.</summary>
    public static IReadOnlyList<string> DidsOf(RuleSet set, string ruleName)
    {
        ArgumentNullException.ThrowIfNull(set);
        return [.. set.DidAssignments
            .Where(d => string.Equals(d.Value, ruleName, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Key)
            .Order(StringComparer.Ordinal)];
    }

    private async Task<RuleChange> ChangeAsync(Func<RuleSet, RuleEdit> edit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await store.LoadAsync(cancellationToken);
            if (await TryWriteAsync(stored, edit, cancellationToken) is { } change)
            {
                return change;
            }
        }

        return RuleChange.Refused($"The stored rule set kept changing while this change was being made ({MaxAttempts} attempts); nothing was written. Try again.");
    }

    /// <summary>The edit of <paramref name="stored"/>, validated whole and written if the store is still at its version; null when it moved.</summary>
    private async Task<RuleChange?> TryWriteAsync(StoredRuleSet stored, Func<RuleSet, RuleEdit> edit, CancellationToken cancellationToken)
    {
        var (result, refusal) = edit(stored.RuleSet);
        if (result is null)
        {
            return RuleChange.Refused(refusal ?? "The change was refused.");
        }

        var problems = RuleValidator.Validate(result);
        if (problems.Count > 0)
        {
            return RuleChange.Invalid(problems);
        }

        return await store.TryReplaceAsync(result, stored.Version, cancellationToken) is { } version
            ? new RuleChange(result, version, [], null)
            : null;
    }

    /// <summary>The set without the named rule and the DIDs pointing at it.</summary>
    private static RuleEdit Without(RuleSet stored, string name)
    {
        if (stored.FindByName(name) is not { } rule)
        {
            return RuleEdit.Refuse($"No rule named '{name}'.");
        }

        var dids = stored.DidAssignments
            .Where(d => !string.Equals(d.Value, rule.Name, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(d => d.Key, d => d.Value, StringComparer.OrdinalIgnoreCase);
        return RuleEdit.To(new RuleSet(stored.Rules.Where(r => r != rule), dids));
    }
}

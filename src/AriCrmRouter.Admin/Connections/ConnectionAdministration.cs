using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Routing.Validation;
using AriCrmRouter.Storage;

namespace AriCrmRouter.Admin.Connections;

/// <summary>
/// Naming, saving and test requests of CRM connections. Secrets are write-only: a save keeps every stored
/// secret the admin did not give a new value for, and an empty value removes one.
/// </summary>
public enum SecretUpdate
{
    /// <summary>The given secrets are the connection's secrets (<c>crm add</c> replaces a connection whole).</summary>
    Replace,

    /// <summary>The given secrets change the stored ones; the others are kept (the web form never shows them).</summary>
    Merge,
}

public static class ConnectionAdministration
{
    /// <summary>Why <paramref name="name"/> cannot name a connection (the rule-name grammar: rules refer to it), or null.</summary>
    public static string? NameProblem(string name) => RuleValidator.IsValidRuleName(name)
        ? null
        : $"'{name}' is not a valid connection name: letters, digits, '_', '.', '-' (at most {RuleLimits.MaxNameLength}), starting with a letter or digit.";

    /// <summary>
    /// Checks the connection against its kind's descriptor (<see cref="CrmConnectorCatalog.Check"/>: unknown kind,
    /// unknown key, missing required setting or secret), then with its connector, and saves it; returns the
    /// problems (nothing saved) or none. <paramref name="secrets"/> replace the stored ones
    /// (<see cref="SecretUpdate.Replace"/>) or are merged into them (<see cref="SecretUpdate.Merge"/>: an empty
    /// value removes one, a secret not given is kept).
    /// </summary>
    public static async Task<IReadOnlyList<string>> SaveAsync(
        ICrmConnectionStore store,
        CrmConnectorRegistry connectors,
        string name,
        string kind,
        IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, string> secrets,
        SecretUpdate secretUpdate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(secrets);
        name = name?.Trim() ?? "";
        kind = kind?.Trim().ToLowerInvariant() ?? "";
        if (NameProblem(name) is { } problem)
        {
            return [problem];
        }

        var kept = secretUpdate == SecretUpdate.Merge && await store.GetAsync(name, cancellationToken) is { } existing
            ? existing.Secrets
            : new Dictionary<string, string>();
        var merged = new Dictionary<string, string>(kept, StringComparer.Ordinal);
        foreach (var (key, value) in secrets)
        {
            if (value.Length == 0)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        var connection = new CrmConnection(name, kind, new Dictionary<string, string>(settings, StringComparer.Ordinal), merged);
        var problems = CrmConnectorCatalog.Check(connection);
        if (problems.Count == 0)
        {
            problems = connectors.Get(kind).Validate(connection);
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        await store.SaveAsync(connection, cancellationToken);
        return [];
    }

    /// <summary>
    /// The request of a test: by caller number, or by key field and key (what an IVR caller would type); exactly
    /// one of the two, with a module and a field. Null when that is not what was given.
    /// </summary>
    public static CrmLookupRequest? TestRequest(string? module, string? field, string? phone, string? keyField, string? key)
    {
        if (string.IsNullOrWhiteSpace(module) || string.IsNullOrWhiteSpace(field))
        {
            return null;
        }

        var byKey = !string.IsNullOrWhiteSpace(keyField) || !string.IsNullOrWhiteSpace(key);
        var byPhone = !string.IsNullOrWhiteSpace(phone);
        if (byKey == byPhone)
        {
            return null;
        }

        if (byKey)
        {
            return string.IsNullOrWhiteSpace(keyField) || string.IsNullOrWhiteSpace(key)
                ? null
                : new CrmLookupRequest { Module = module.Trim(), Field = field.Trim(), KeyField = keyField.Trim(), Dtmf = key.Trim(), CallerNumber = "" };
        }

        return new CrmLookupRequest { Module = module.Trim(), Field = field.Trim(), CallerNumber = phone!.Trim() };
    }
}

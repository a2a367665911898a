using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Routing.Validation;
using AriCrmRouter.Storage;

namespace AriCrmRouter.Admin.Connections;

/// <summary>
/// Naming, saving and test requests of CRM connections. Secrets are write-only: a save keeps every stored
/// secret the admin did not give a new value for, and an empty value removes one.
/// </summary>
public static class ConnectionAdministration
{
    /// <summary>Why <paramref name="name"/> cannot name a connection (the rule-name grammar: rules refer to it), or null.</summary>
    public static string? NameProblem(string name) => RuleValidator.IsValidRuleName(name)
        ? null
        : $"'{name}' is not a valid connection name: letters, digits, '_', '.', '-' (at most {RuleLimits.MaxNameLength}), starting with a letter or digit.";

    /// <summary>Validates the connection with its connector and saves it; returns the problems (nothing saved) or none.</summary>
    public static async Task<IReadOnlyList<string>> SaveAsync(
        ICrmConnectionStore store,
        CrmConnectorRegistry connectors,
        string name,
        string kind,
        IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, string> newSecrets,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(newSecrets);
        name = name?.Trim() ?? "";
        kind = kind?.Trim().ToLowerInvariant() ?? "";
        if (NameProblem(name) is { } problem)
        {
            return [problem];
        }

        if (!connectors.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            return [$"'{kind}' is not a known CRM kind: {string.Join(", ", connectors.Kinds)}"];
        }

        var existing = await store.GetAsync(name, cancellationToken);
        var secrets = new Dictionary<string, string>(existing?.Secrets ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in newSecrets)
        {
            if (value.Length == 0)
            {
                secrets.Remove(key);
            }
            else
            {
                secrets[key] = value;
            }
        }

        var connection = new CrmConnection(name, kind, new Dictionary<string, string>(settings, StringComparer.Ordinal), secrets);
        var problems = connectors.Get(kind).Validate(connection);
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

namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// What a connector declares about itself, once: the kind connections name, a display name, and every setting
/// and secret it reads (<see cref="ConnectionKey"/>). <see cref="Check"/> is the check of a connection's keys that
/// needs no connector: an unknown key or a missing required one, each named with what the kind accepts.
/// </summary>
public sealed record CrmConnectorDescriptor(string Kind, string DisplayName, IReadOnlyList<ConnectionKey> Keys)
{
    /// <summary>The connector type that serves this kind (registered by <see cref="CrmConnectorServiceCollectionExtensions.AddCrmConnectors"/>).</summary>
    internal Type? ConnectorType { get; init; }

    /// <summary>What the secrets are when their names are free (the custom CRM's HTTP headers); null when only <see cref="Keys"/> are accepted.</summary>
    public string? FreeSecrets { get; init; }

    public IEnumerable<ConnectionKey> Settings => Keys.Where(k => !k.IsSecret);

    public IEnumerable<ConnectionKey> Secrets => Keys.Where(k => k.IsSecret);

    public ConnectionKey? Find(string name, bool secret) =>
        Keys.FirstOrDefault(k => k.IsSecret == secret && string.Equals(k.Name, name, StringComparison.Ordinal));

    /// <summary>Problems with the keys of a connection of this kind (unknown, missing required); empty when there are none.</summary>
    public IReadOnlyList<string> Check(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> secrets)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(secrets);
        var problems = new List<string>();
        foreach (var name in settings.Keys.Order(StringComparer.Ordinal))
        {
            if (Find(name, secret: false) is null)
            {
                problems.Add(Unknown(name, secret: false));
            }
        }

        foreach (var name in secrets.Keys.Order(StringComparer.Ordinal))
        {
            if (FreeSecrets is null && Find(name, secret: true) is null)
            {
                problems.Add(Unknown(name, secret: true));
            }
        }

        foreach (var key in Keys.Where(k => k.IsRequired))
        {
            var values = key.IsSecret ? secrets : settings;
            if (!values.TryGetValue(key.Name, out var value) || string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{key.Role} '{key.Name}' is missing ({key.Description})");
            }
        }

        return problems;
    }

    /// <summary>"settings: a, b; secrets: c" (required keys marked with *).</summary>
    public string AcceptedKeys() =>
        $"settings: {Names(Settings)}; secrets: {(FreeSecrets is null ? Names(Secrets) : FreeSecrets)}";

    private string Unknown(string name, bool secret)
    {
        var role = secret ? "secret" : "setting";
        var other = Find(name, !secret) is { } misplaced ? $" ('{name}' is a {misplaced.Role})" : "";
        return $"'{name}' is not a {role} of {Kind} connections{other}; {Kind} accepts {AcceptedKeys()}";
    }

    private static string Names(IEnumerable<ConnectionKey> keys)
    {
        var names = keys.Select(k => k.IsRequired ? k.Name + "*" : k.Name).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}

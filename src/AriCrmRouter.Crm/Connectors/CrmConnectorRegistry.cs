namespace AriCrmRouter.Crm.Connectors;

/// <summary>The vendor connectors available to integration rules, by connection kind.</summary>
public sealed class CrmConnectorRegistry
{
    private readonly Dictionary<string, ICrmConnector> _byKind;

    public CrmConnectorRegistry(IEnumerable<ICrmConnector> connectors)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        _byKind = connectors.ToDictionary(c => c.Kind, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Kinds => [.. _byKind.Keys.Order(StringComparer.Ordinal)];

    public ICrmConnector Get(string kind) =>
        _byKind.TryGetValue(kind, out var connector)
            ? connector
            : throw new CrmLookupException(CrmFailureKind.Configuration, $"no connector for CRM kind '{kind}' (known: {string.Join(", ", Kinds)})");
}

namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// A vendor's typed settings: it declares the connector's descriptor (its keys) and reads a connection through those
/// keys, so <see cref="CrmConnector{TSettings}"/> needs nothing else from a connector to validate and read a connection.
/// </summary>
internal interface IConnectorSettings<TSelf>
    where TSelf : class, IConnectorSettings<TSelf>
{
    static abstract CrmConnectorDescriptor Descriptor { get; }

    /// <summary>The settings; <paramref name="problems"/> is empty when usable (and only then is the result used).</summary>
    static abstract TSelf? Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems);
}

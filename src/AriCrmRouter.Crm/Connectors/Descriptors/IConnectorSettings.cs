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

/// <summary>
/// Settings whose connection is checked whole before it is read: <see cref="Problems"/> lists everything wrong, and
/// only a usable connection is read (<see cref="FromUsable"/>). Caller numbers are read with the connection's
/// <c>defaultRegion</c> when the lookup asks (<see cref="Shared.VendorClient.CallerForms"/>), so the service region is
/// not needed here.
/// </summary>
internal interface ICheckedConnectorSettings<TSelf> : IConnectorSettings<TSelf>
    where TSelf : class, ICheckedConnectorSettings<TSelf>
{
    static abstract IReadOnlyList<string> Problems(CrmConnection connection);

    /// <summary>The settings of a connection <see cref="Problems"/> found nothing wrong with.</summary>
    static abstract TSelf FromUsable(CrmConnection connection);

    static TSelf? IConnectorSettings<TSelf>.Read(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems)
    {
        problems = TSelf.Problems(connection);
        return problems.Count == 0 ? TSelf.FromUsable(connection) : null;
    }
}

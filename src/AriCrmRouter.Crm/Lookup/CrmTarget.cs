namespace AriCrmRouter.Crm.Lookup;

/// <summary>
/// Where a rule's question goes, resolved once per lookup (<see cref="CrmTargets"/>): the connector, the
/// connection it uses, the module and key field, the circuit breaker shared by every rule asking this CRM, and
/// the parts of the answer cache key that identify the CRM (everything that can change its answers).
/// </summary>
public sealed record CrmTarget(
    ICrmConnector Connector,
    CrmConnection Connection,
    string Module,
    string? KeyField,
    string BreakerKey,
    IReadOnlyList<string> CacheIdentity)
{
    /// <summary>Whether the dialed number is part of the cache key (the CRM is told it and may answer by it).</summary>
    public bool DidInCacheKey { get; init; }

    public CrmLookupRequest Request(string field, CallerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new()
        {
            Module = Module,
            Field = field,
            KeyField = KeyField,
            CallerNumber = input.CallerNumber,
            Dtmf = input.Dtmf,
            Did = input.Did,
        };
    }

    // The connection's secrets and the cache identity stay out of logs.
    public override string ToString() => $"{Connector.Kind} via {Connection.Name} ({BreakerKey})";
}

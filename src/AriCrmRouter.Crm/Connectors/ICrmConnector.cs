namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// A vendor integration. Answers <see cref="LookupOutcome.Found"/> or <see cref="LookupOutcome.NotFound"/>;
/// every failure (auth, rate limit, outage, unreadable answer, bad configuration) is thrown as a
/// <see cref="CrmLookupException"/> so that resilience and circuit breaking see it.
/// </summary>
public interface ICrmConnector
{
    /// <summary>The connection kind this connector serves, e.g. <c>zoho</c>, <c>salesforce</c>.</summary>
    string Kind { get; }

    /// <summary>Problems with a connection's settings and secrets, empty when it is usable.</summary>
    IReadOnlyList<string> Validate(CrmConnection connection);

    Task<LookupOutcome> LookupAsync(CrmConnection connection, CrmLookupRequest request, CancellationToken cancellationToken);
}

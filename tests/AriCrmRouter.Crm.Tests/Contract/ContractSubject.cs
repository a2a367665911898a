using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.TestKit.Http;
using Microsoft.AspNetCore.Http;

namespace AriCrmRouter.Crm.Tests.Contract;

/// <summary>
/// One connector against its fake CRM, seeded with one record: what the contract suite needs to ask it the
/// same questions as every other connector. <see cref="IsLookupRequest"/> tells the record lookups (search,
/// query, read) from the login and token requests, which is where the suite injects failures.
/// </summary>
internal sealed class ContractSubject(
    ICrmConnector connector,
    CrmConnection connection,
    FakeHttpServer server,
    Func<HttpRequest, bool> isLookupRequest,
    CrmLookupRequest found,
    string foundValue,
    CrmLookupRequest missing,
    IAsyncDisposable fake,
    IDisposable? host = null) : IAsyncDisposable
{
    public ICrmConnector Connector { get; } = connector;

    public CrmConnection Connection { get; } = connection;

    public FakeHttpServer Server { get; } = server;

    public Func<HttpRequest, bool> IsLookupRequest { get; } = isLookupRequest;

    public CrmLookupRequest Found { get; } = found;

    public string FoundValue { get; } = foundValue;

    public CrmLookupRequest Missing { get; } = missing;

    public Task<Routing.Evaluation.LookupOutcome> LookupAsync(CrmLookupRequest request) =>
        Connector.LookupAsync(Connection, request, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        host?.Dispose();
        await fake.DisposeAsync();
    }
}

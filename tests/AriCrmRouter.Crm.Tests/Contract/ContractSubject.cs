namespace AriCrmRouter.Crm.Tests.Contract;

/// <summary>
/// One connector against its fake CRM, seeded with one record found by <see cref="Caller"/> whose
/// <see cref="Field"/> is GOLD and whose <see cref="EmptyField"/> has no value: what the contract suite needs to
/// ask it the same questions as every other connector. <see cref="IsLookupRequest"/> tells the record lookups
/// (search, query, read) from the login and token requests, which is where the suite injects failures.
/// </summary>
internal sealed class ContractSubject : IAsyncDisposable
{
    public const string FoundValue = "GOLD";

    /// <summary>A number no fake holds.</summary>
    public const string Stranger = "+12125550000";

    public required ICrmConnector Connector { get; init; }

    public required CrmConnection Connection { get; init; }

    public required FakeHttpServer Server { get; init; }

    public required Func<RecordedRequest, bool> IsLookupRequest { get; init; }

    public required string Module { get; init; }

    public required string Field { get; init; }

    public required string EmptyField { get; init; }

    public required string Caller { get; init; }

    /// <summary>The fake, and what else the subject owns (a service provider, certificates).</summary>
    public required IReadOnlyList<object> Owned { get; init; }

    /// <summary>How the tokens or sessions the fake issues begin: they belong in headers or bodies, never in URLs.</summary>
    public IReadOnlyList<string> IssuedCredentials { get; init; } = [];

    /// <summary>False for the custom CRM, whose headers are fixed: a rejected one cannot be renewed.</summary>
    public bool RenewsCredentials { get; init; } = true;

    /// <summary>False for the custom CRM, whose client reads no Retry-After today.</summary>
    public bool ReadsRetryAfter { get; init; } = true;

    public CrmLookupRequest Found => Request(Field, Caller);

    public CrmLookupRequest Missing => Request(Field, Stranger);

    public CrmLookupRequest WithoutValue => Request(EmptyField, Caller);

    /// <summary>The connection's secrets: never in a URL, an exception or a log line.</summary>
    public IEnumerable<string> Secrets => Connection.Secrets.Values;

    /// <summary>Requests that were not record lookups: logins, tokens, field definitions.</summary>
    public int CredentialRequests => Server.Requests.Count(r => !IsLookupRequest(r));

    public Task<LookupOutcome> LookupAsync(CrmLookupRequest request, CancellationToken cancellationToken = default) =>
        Connector.LookupAsync(Connection, request, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Owned.Reverse())
        {
            switch (owned)
            {
                case IAsyncDisposable asynchronous:
                    await asynchronous.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private CrmLookupRequest Request(string field, string caller) => new() { Module = Module, Field = field, CallerNumber = caller };
}

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// What every vendor connector logs, one event each (3100-3199 in <see cref="Log"/>) named with the vendor's display
/// name, and the failures that go with them: a rejected credential (renewed once by the credential cache) and a rate
/// limit (with the vendor's own wait hint when the answer has no <c>Retry-After</c>).
/// </summary>
internal sealed class ConnectorEvents(ILogger logger, string vendor)
{
    public string Vendor { get; } = vendor;

    public void Searching(string connection, string module, string criterion) =>
        Log.Searching(logger, connection, Vendor, module, criterion);

    /// <summary><paramref name="grant"/> says how (refresh_token, password, login...), never with what.</summary>
    public void RequestingCredential(string connection, string grant, Uri endpoint) =>
        Log.RequestingCredential(logger, connection, Vendor, grant, endpoint.Host);

    /// <summary>A bearer token valid for <paramref name="lifetime"/> (<c>null</c>: until rejected), for <paramref name="apiBase"/>.</summary>
    public AccessToken CredentialObtained(string connection, string token, TimeSpan? lifetime, DateTimeOffset now, Uri? apiBase = null)
    {
        var validity = lifetime is { } span ? string.Create(CultureInfo.InvariantCulture, $"for {span}") : "until rejected";
        Log.CredentialObtained(logger, connection, Vendor, apiBase?.Host ?? "the configured host", validity);
        return new AccessToken(token, now + lifetime, apiBase);
    }

    /// <summary>The failure that makes the credential cache renew the credential once, logged.</summary>
    public CredentialRejectedException CredentialRejected(string connection, string reason)
    {
        Log.CredentialRejected(logger, connection, Vendor, reason);
        return new CredentialRejectedException($"connection '{connection}': {Vendor} rejected the credential ({reason})");
    }

    public CrmLookupException RateLimited(string connection, CrmLookupException failure)
    {
        Log.RateLimited(logger, connection, Vendor, failure.RetryAfter);
        return failure;
    }

    /// <summary>
    /// Throws unless <paramref name="answer"/> succeeded: 401 is a rejected credential, 429 a rate limit waiting
    /// <c>Retry-After</c> or else <paramref name="vendorWait"/>, anything else <see cref="VendorHttp.Failure"/>.
    /// </summary>
    public void EnsureAccepted(VendorAnswer answer, string connection, string step, Func<VendorAnswer, TimeSpan?>? vendorWait = null)
    {
        if (answer.IsSuccess)
        {
            return;
        }

        if (answer.Status == HttpStatusCode.Unauthorized)
        {
            throw CredentialRejected(connection, "HTTP 401");
        }

        var failure = answer.Failure(connection, step);
        if (failure.Kind != CrmFailureKind.RateLimited)
        {
            throw failure;
        }

        if (failure.RetryAfter is null && vendorWait?.Invoke(answer) is { } wait)
        {
            failure = new CrmLookupException(failure.Kind, failure.Message) { RetryAfter = wait };
        }

        throw RateLimited(connection, failure);
    }

    public LookupOutcome NotFound(string connection, CrmLookupRequest request)
    {
        Log.NotFound(logger, connection, Vendor, request.Module, request.Field);
        return LookupOutcome.NotFound;
    }

    public LookupOutcome Answered(string connection, string module, LookupOutcome outcome)
    {
        Log.LookupAnswered(logger, connection, Vendor, module, outcome is LookupOutcome.FoundValue ? "found" : "not found");
        return outcome;
    }

    public void RefreshTokenRefused(string connection) => Log.RefreshTokenRefused(logger, connection, Vendor);

    /// <summary>An extra read a lookup needs besides the record (field definitions, option labels, an organization).</summary>
    public void ReadingDefinitions(string connection, string what) => Log.ReadingDefinitions(logger, connection, Vendor, what);
}

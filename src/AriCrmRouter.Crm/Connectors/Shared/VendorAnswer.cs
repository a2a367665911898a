namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// A CRM's HTTP answer, read completely (bounded by <see cref="CrmOptions.MaxResponseBytes"/>), with the
/// clock it was received by so that a rate-limit failure can say how long to wait.
/// </summary>
internal sealed class VendorAnswer(
    HttpStatusCode status,
    HttpResponseHeaders headers,
    HttpContentHeaders? contentHeaders,
    byte[] body,
    Uri? finalUri,
    TimeProvider timeProvider)
{
    public HttpStatusCode Status { get; } = status;

    public int StatusCode => (int)Status;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsRedirect => StatusCode is >= 300 and < 400;

    public byte[] Body { get; } = body;

    /// <summary>The redirect target of a 3xx answer (read, never followed, by the Bullhorn authorize step).</summary>
    public Uri? Location { get; } = headers.Location;

    /// <summary>The URL that finally answered (differs from the request's when redirects were followed).</summary>
    public Uri? FinalUri { get; } = finalUri;

    public bool IsEmpty => Body.AsSpan().Trim(" \t\r\n"u8).IsEmpty;

    public string? Header(string name)
    {
        if (headers.TryGetValues(name, out var values) || (contentHeaders?.TryGetValues(name, out values) ?? false))
        {
            return values.FirstOrDefault();
        }

        return null;
    }

    /// <summary>
    /// Throws the failure a non-success status means (see <see cref="VendorHttp.Failure"/>). During a lookup a
    /// 401 throws <see cref="CredentialRejectedException"/> so that the credential cache logs in again once;
    /// while authenticating (<paramref name="authenticating"/>) 400, 401 and 403 mean the login was refused.
    /// </summary>
    public void EnsureSuccess(string connectionName, string step, bool authenticating = false)
    {
        if (IsSuccess)
        {
            return;
        }

        if (authenticating && Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new CrmLookupException(CrmFailureKind.Unauthorized, $"connection '{connectionName}': {step}: the CRM refused the login (HTTP {StatusCode})");
        }

        if (!authenticating && Status == HttpStatusCode.Unauthorized)
        {
            throw new CredentialRejectedException($"connection '{connectionName}': {step}: the CRM rejected the credential (HTTP 401)");
        }

        throw Failure(connectionName, step);
    }

    /// <summary>The failure this non-success answer means (see <see cref="VendorHttp.Failure"/>).</summary>
    public CrmLookupException Failure(string connectionName, string step) => VendorHttp.Failure(this, timeProvider, connectionName, step);

    /// <summary>Parses the body as JSON; an unreadable body is a <see cref="CrmFailureKind.MalformedResponse"/>.</summary>
    public JsonDocument Json(string connectionName, string step)
    {
        try
        {
            return JsonDocument.Parse(Body);
        }
        catch (JsonException ex)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connectionName}': {step} answered unreadable JSON (HTTP {StatusCode})", ex);
        }
    }

    /// <summary>Deserializes the body with a source-generated type; unreadable or empty is malformed.</summary>
    public T Deserialize<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string connectionName, string step)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(Body, typeInfo)
                ?? throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connectionName}': {step} answered an empty JSON document");
        }
        catch (JsonException ex)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connectionName}': {step} answered unreadable JSON (HTTP {StatusCode})", ex);
        }
    }

    /// <summary>
    /// How long the CRM asked us to wait with <c>Retry-After</c> (seconds or HTTP date, bounded by
    /// <see cref="RateLimitWait"/>), otherwise <c>null</c>. Vendor-specific headers are read by their connector.
    /// </summary>
    public TimeSpan? RetryAfter() => RetryAfter(timeProvider);

    /// <inheritdoc cref="RetryAfter()"/>
    public TimeSpan? RetryAfter(TimeProvider timeProvider) => RateLimitWait.FromRetryAfter(Header("Retry-After"), timeProvider);
}

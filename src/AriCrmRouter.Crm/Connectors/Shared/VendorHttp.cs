namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// Sends one request to a CRM and reads its answer, turning transport problems and refusals into lookup
/// failures. Messages name the connection and the step, never a URL (URLs may carry session ids on Vtiger
/// and SuiteCRM 7).
/// </summary>
internal static class VendorHttp
{
    public static async Task<VendorAnswer> SendAsync(
        HttpClient http,
        HttpRequestMessage request,
        int maxResponseBytes,
        TimeProvider timeProvider,
        string connectionName,
        string step,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await CrmResponses.ReadBoundedAsync(response.Content, maxResponseBytes, $"connection '{connectionName}': {step}", cancellationToken);
            return new VendorAnswer(response.StatusCode, response.Headers, response.Content.Headers, body, response.RequestMessage?.RequestUri, timeProvider);
        }
        catch (HttpRequestException ex) when (CrmAddressRefusedException.Find(ex) is { } refused)
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': {step} not sent: {refused.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step} could not reach the CRM ({ex.HttpRequestError})", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step} timed out", ex);
        }
        catch (Polly.Timeout.TimeoutRejectedException ex)
        {
            // The CRM client's per-attempt timeout (Crm:AttemptTimeout) surfaces as Polly's exception, not a cancellation.
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step} timed out", ex);
        }
        catch (IOException ex)
        {
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step} lost the connection", ex);
        }
    }

    /// <summary>
    /// The failure for a non-success answer that the connector did not handle itself:
    /// 429 rate limited, 5xx unavailable, 401/403 unauthorized, other 4xx a configuration problem
    /// (unknown module or field, bad query).
    /// </summary>
    public static CrmLookupException Failure(VendorAnswer answer, TimeProvider timeProvider, string connectionName, string step)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var status = answer.StatusCode;
        return status switch
        {
            (int)HttpStatusCode.TooManyRequests => RateLimited(answer, timeProvider, connectionName, step),
            >= 500 => new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step} failed with HTTP {status}"),
            (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden =>
                new CrmLookupException(CrmFailureKind.Unauthorized, $"connection '{connectionName}': {step} was refused with HTTP {status}"),
            >= 400 => new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': {step} was rejected with HTTP {status} (check module and field names)"),
            _ => new CrmLookupException(CrmFailureKind.MalformedResponse, $"connection '{connectionName}': {step} answered unexpected HTTP {status}"),
        };
    }

    public static CrmLookupException RateLimited(VendorAnswer answer, TimeProvider timeProvider, string connectionName, string step)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new CrmLookupException(CrmFailureKind.RateLimited, $"connection '{connectionName}': {step} was rate limited (HTTP {answer.StatusCode})")
        {
            RetryAfter = answer.RetryAfter(timeProvider),
        };
    }
}

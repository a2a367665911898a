using System.Net.Http.Headers;
using AriCrmRouter.Crm.Connectors;

namespace AriCrmRouter.Crm.Connectors.SugarCrm;

/// <summary>
/// Sends one CRM request and reads the answer with a size bound, turning transport problems into
/// <see cref="CrmLookupException"/>s. Shared by the connectors of this folder family (SugarCRM, SuiteCRM,
/// Vtiger, Zendesk, Bullhorn). Messages name the connection and the step, never a URL (URLs may carry
/// session ids on Vtiger and SuiteCRM 7).
/// </summary>
internal static class VendorHttp
{
    public static async Task<VendorResponse> SendAsync(
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
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step}: the CRM could not be reached", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step}: the CRM did not answer in time", ex);
        }

        using (response)
        {
            var body = await ReadBoundedAsync(response.Content, maxResponseBytes, connectionName, step, cancellationToken);
            return new VendorResponse(response.StatusCode, body, RetryAfter(response.Headers.RetryAfter, timeProvider), response.Headers.Location, response.RequestMessage?.RequestUri);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, int maxBytes, string connectionName, string step, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(connectionName, step, maxBytes);
        }

        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(connectionName, step, maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (IOException ex)
        {
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step}: the answer was cut off", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"connection '{connectionName}': {step}: the answer was cut off", ex);
        }
    }

    private static CrmLookupException TooLarge(string connectionName, string step, int maxBytes) =>
        new(CrmFailureKind.MalformedResponse, $"connection '{connectionName}': {step}: the answer is larger than {maxBytes} bytes");

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider timeProvider)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}

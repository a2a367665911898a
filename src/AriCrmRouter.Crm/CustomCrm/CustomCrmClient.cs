using AriCrmRouter.Routing.Rules;

namespace AriCrmRouter.Crm.CustomCrm;

/// <summary>
/// The "Custom CRM" protocol: <c>GET {url}?field_name=..&amp;caller_id=..&amp;did=..[&amp;dtmf=..]</c>, or with POST
/// enabled the same data as a JSON body. Configured headers are added to every request.
/// </summary>
public sealed class CustomCrmClient(IHttpClientFactory httpClientFactory, IOptions<CrmOptions> options)
{
    public async Task<LookupOutcome> LookupAsync(CustomCrmSource source, string field, CallerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(input);
        if (!CrmUrls.IsAllowed(source.Url))
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, "custom CRM URL must start with https://");
        }

        var parameters = new CustomCrmParameters(field, input.Dtmf ?? "", input.CallerNumber, input.Did);
        using var request = source.UsePost
            ? new HttpRequestMessage(HttpMethod.Post, source.Url) { Content = JsonBody(parameters) }
            : new HttpRequestMessage(HttpMethod.Get, WithQuery(source.Url, parameters));
        foreach (var (name, value) in source.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var http = httpClientFactory.CreateClient(CrmHttp.ClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex) when (CrmAddressRefusedException.Find(ex) is { } refused)
        {
            throw new CrmLookupException(CrmFailureKind.Configuration, $"custom CRM not called: {refused.Message}");
        }
        catch (HttpRequestException ex)
        {
            throw new CrmLookupException(CrmFailureKind.Unavailable, $"custom CRM at {source.Url.Host} could not be reached ({ex.HttpRequestError})");
        }

        using (response)
        {
            var body = await CrmResponses.ReadBoundedStringAsync(response, options.Value.MaxResponseBytes, "custom CRM", cancellationToken);
            return CustomCrmAnswer.Read(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, field);
        }
    }

    /// <summary>
    /// The POST body, serialized up front so that it goes out with Content-Length: a streamed (chunked) body
    /// reads as empty to CGI/PHP scripts and small servers, and some gateways refuse it with 411.
    /// </summary>
    public static ByteArrayContent JsonBody(CustomCrmParameters parameters)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(parameters, CustomCrmJsonContext.Default.CustomCrmParameters));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Appends the protocol's parameters to the configured URL, keeping any query it already has.</summary>
    public static Uri WithQuery(Uri url, CustomCrmParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        var query = new StringBuilder(url.Query.TrimStart('?'));
        Append(query, "field_name", parameters.FieldName);
        if (!string.IsNullOrEmpty(parameters.Dtmf))
        {
            Append(query, "dtmf", parameters.Dtmf);
        }

        Append(query, "caller_id", parameters.CallerId);
        Append(query, "did", parameters.Did);
        return new UriBuilder(url) { Query = query.ToString() }.Uri;
    }

    private static void Append(StringBuilder query, string name, string value)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}

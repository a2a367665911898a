using System.Collections.Concurrent;

namespace AriCrmRouter.Crm.Tests.Hostile.Vendors;

/// <summary>A vendor's real answer to one endpoint, as its fake gave it.</summary>
internal sealed record RecordedAnswer(string? ContentType, string Body);

/// <summary>
/// What the campaign's handler on the CRM HTTP client does: while <see cref="Recording"/>, it lets every request
/// through to the vendor's fake and records the answers by endpoint; afterwards, requests to the endpoints in
/// <see cref="Scripted"/> are answered by the current case (<see cref="Current"/>, which flows with the lookup),
/// and every other request (authentication) still reaches the fake.
/// </summary>
internal sealed class ScriptedCrmAnswers
{
    private readonly AsyncLocal<HostileVendorAnswer?> _current = new();

    public ConcurrentDictionary<string, RecordedAnswer> Recorded { get; } = new(StringComparer.Ordinal);

    /// <summary>Endpoints asked while recording (cleared between the warm-up lookups).</summary>
    public ConcurrentDictionary<string, bool> Seen { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Scripted { get; } = new(StringComparer.Ordinal);

    public bool Recording { get; set; } = true;

    public HostileVendorAnswer? Current
    {
        get => _current.Value;
        set => _current.Value = value;
    }

    /// <summary>Counts requests answered by a case: proof that the campaign reached the connectors' answer reading.</summary>
    public int ScriptedAnswers => _scriptedAnswers;

    private int _scriptedAnswers;

    /// <summary>The endpoint of a request: method, path and the names (not values) of its query parameters.</summary>
    public static string Endpoint(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri!;
        var names = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal);
        return $"{request.Method} {uri.AbsolutePath}?{string.Join('&', names)}";
    }

    public sealed class Handler(ScriptedCrmAnswers script) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var endpoint = Endpoint(request);
            if (!script.Recording && script.Current is { } answer && script.Scripted.Contains(endpoint))
            {
                Interlocked.Increment(ref script._scriptedAnswers);
                return answer.ToResponse(script.Recorded[endpoint], request);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (script.Recording && response.IsSuccessStatusCode)
            {
                // Buffer the fake's answer so it can be read here and by the connector.
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                script.Seen[endpoint] = true;
                script.Recorded[endpoint] = new RecordedAnswer(response.Content.Headers.ContentType?.ToString(), body);
            }

            return response;
        }
    }
}

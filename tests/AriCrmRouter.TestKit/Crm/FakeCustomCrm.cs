using AriCrmRouter.TestKit.Http;

namespace AriCrmRouter.TestKit.Crm;

/// <summary>How the fake custom CRM behaves.</summary>
public enum FakeCrmMode
{
    Normal,

    /// <summary>Answers 503.</summary>
    Down,

    /// <summary>Waits <see cref="FakeCustomCrm.SlowDelay"/> before answering.</summary>
    Slow,

    /// <summary>Answers 200 with an HTML page.</summary>
    Garbage,
}

/// <summary>
/// A custom CRM over HTTPS that speaks the documented protocol: <c>/lookup?field_name=&amp;caller_id=&amp;did=&amp;dtmf=</c>
/// (GET), or the same as a JSON body (POST). Records are keyed by caller number or by DTMF (account number).
/// </summary>
public sealed class FakeCustomCrm : IAsyncDisposable
{
    private readonly FakeHttpServer _server;
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _records;

    private FakeCustomCrm(FakeHttpServer server, ConcurrentDictionary<string, Dictionary<string, string>> records)
    {
        _server = server;
        _records = records;
    }

    public FakeCrmMode Mode { get; set; } = FakeCrmMode.Normal;

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Answers 411 Length Required to a POST without Content-Length (a chunked body), as CGI/PHP endpoints and
    /// some gateways do.
    /// </summary>
    public bool RefuseChunkedBodies { get; set; }

    public Uri LookupUrl => new(_server.BaseUri, "lookup");

    /// <summary>The HTTPS server underneath, for faults injected the same way as for every vendor's fake.</summary>
    public FakeHttpServer Server => _server;

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public static async Task<FakeCustomCrm> StartAsync(TestCertificates certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var records = new ConcurrentDictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        FakeCustomCrm? crm = null;
        var server = await FakeHttpServer.StartAsync(
            app =>
            {
                app.MapGet("/lookup", (HttpRequest request) => crm!.AnswerAsync(request.Query["field_name"], request.Query["caller_id"], request.Query["dtmf"], request.HttpContext.RequestAborted));
                app.MapPost("/lookup", async (HttpRequest request) =>
                {
                    if (crm!.RefuseChunkedBodies && request.ContentLength is null)
                    {
                        return Results.StatusCode(StatusCodes.Status411LengthRequired);
                    }

                    using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                    string? Get(string name) => body.RootElement.TryGetProperty(name, out var v) ? v.GetString() : null;
                    return await crm!.AnswerAsync(Get("field_name"), Get("caller_id"), Get("dtmf"), request.HttpContext.RequestAborted);
                });
            },
            https => https.UseHttps(certificates.Server));
        crm = new FakeCustomCrm(server, records);
        return crm;
    }

    /// <summary>Adds a customer found by <paramref name="key"/> (a caller number or an account number typed as DTMF).</summary>
    public void Add(string key, params (string Field, string Value)[] fields) =>
        _records[key] = fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.OrdinalIgnoreCase);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> AnswerAsync(string? field, string? callerId, string? dtmf, CancellationToken cancellationToken)
    {
        switch (Mode)
        {
            case FakeCrmMode.Down:
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case FakeCrmMode.Slow:
                await Task.Delay(SlowDelay, cancellationToken);
                break;
            case FakeCrmMode.Garbage:
                return Results.Content("<html><body>Service temporarily unavailable</body></html>", "text/html");
        }

        var key = !string.IsNullOrEmpty(dtmf) ? dtmf : callerId ?? "";
        if (field is null || !_records.TryGetValue(key, out var record) || !record.TryGetValue(field, out var value))
        {
            return Results.NotFound();
        }

        return Results.Json(new Dictionary<string, string> { [field] = value });
    }
}

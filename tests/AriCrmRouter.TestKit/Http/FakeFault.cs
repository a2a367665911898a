namespace AriCrmRouter.TestKit.Http;

/// <summary>
/// A canned answer a <see cref="FakeHttpServer"/> gives to the requests <paramref name="matches"/> selects (as
/// recorded, body included, so a form's method can tell a login from a search), at most <paramref name="times"/>
/// times, in place of the fake CRM's own endpoint: the same failure for every vendor.
/// </summary>
public sealed class FakeFault(Func<RecordedRequest, bool> matches, int status, string body = "", int times = int.MaxValue)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _left = times;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? ContentType { get; init; }

    /// <summary>When set, the answer never comes: the request waits until the client gives up on it.</summary>
    public bool Hangs { get; init; }

    public int Taken { get; private set; }

    /// <summary>Completes when the first matching request has arrived.</summary>
    public Task Reached => _reached.Task;

    internal bool TryTake(RecordedRequest request)
    {
        if (!matches(request) || Interlocked.Decrement(ref _left) < 0)
        {
            return false;
        }

        Taken++;
        _reached.TrySetResult();
        return true;
    }

    internal async Task WriteAsync(HttpResponse response)
    {
        if (Hangs)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, response.HttpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // the client hung up: what a hanging fault waits for
            }

            return;
        }

        response.StatusCode = status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (body.Length > 0)
        {
            response.ContentType = ContentType ?? "application/json";
            await response.WriteAsync(body);
        }
    }
}

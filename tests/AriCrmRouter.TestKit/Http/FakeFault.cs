using Microsoft.AspNetCore.Http;

namespace AriCrmRouter.TestKit.Http;

/// <summary>
/// A canned answer a <see cref="FakeHttpServer"/> gives to the requests <paramref name="matches"/> selects, at most
/// <paramref name="times"/> times, in place of the fake CRM's own endpoint: the same failure for every vendor.
/// </summary>
public sealed class FakeFault(Func<HttpRequest, bool> matches, int status, string body = "", int times = int.MaxValue)
{
    private int _left = times;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int Taken { get; private set; }

    internal bool TryTake(HttpRequest request)
    {
        if (!matches(request) || Interlocked.Decrement(ref _left) < 0)
        {
            return false;
        }

        Taken++;
        return true;
    }

    internal async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (body.Length > 0)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(body);
        }
    }
}

using System.Net;
using System.Text.Json;

namespace AriCrmRouter.IntegrationTests.Observability;

/// <summary>
/// The router's operations endpoint as an operator's tools read it: /readyz parsed, /metrics scraped, and either read
/// again until it shows the state a test waits for (or the patience given has passed, which fails the test).
/// </summary>
internal sealed class OperationsProbe(LiveRouter stack, TimeSpan patience) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public HttpClient Http => _http;

    public async Task<Readiness> ReadinessAsync()
    {
        using var response = await _http.GetAsync(new Uri(stack.OperationsAddress, "/readyz"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().ToList();
        return new Readiness(
            response.StatusCode,
            body.RootElement.GetProperty("status").GetString()!,
            checks.ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!, StringComparer.Ordinal),
            checks.ToDictionary(c => c.Name, c => c.Value.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "", StringComparer.Ordinal));
    }

    public Task<Readiness> ReadinessUntilAsync(Func<Readiness, bool> condition) =>
        UntilAsync(ReadinessAsync, condition, r => $"/readyz stayed {r.Status} {r.Overall}: {string.Join(", ", r.Checks)}");

    public Task<PrometheusScrape> ScrapeUntilAsync(Func<PrometheusScrape, bool> condition) =>
        UntilAsync(() => PrometheusScrape.ReadAsync(_http, stack.OperationsAddress), condition, s => "the metrics never reached the expected state:\n" + s.Text);

    public void Dispose() => _http.Dispose();

    private async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, Func<T, string> failure)
    {
        var started = TimeProvider.System.GetTimestamp();
        var value = await read();
        while (!condition(value) && TimeProvider.System.GetElapsedTime(started) < patience)
        {
            await Task.Delay(50);
            value = await read();
        }

        Assert.True(condition(value), failure(value));
        return value;
    }
}

/// <summary>One answer of /readyz: the HTTP status, the overall status, and each check's status and description.</summary>
internal sealed record Readiness(HttpStatusCode Status, string Overall, Dictionary<string, string> Checks, Dictionary<string, string> Descriptions);

namespace AriCrmRouter.EndToEndTests;

/// <summary>The router process's operations endpoint with a real Asterisk, Redis and CRM (also run against an installation: scripts/test.sh installed).</summary>
[Collection(EndToEndTier.Name)]
public sealed partial class OperationsTests(EndToEndEnvironment stack) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Readyz_RouterConnectedWithRulesAndRedis_IsHealthy()
    {
        using var response = await _http.GetAsync(new Uri(stack.OperationsUrl, "/readyz"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.StartsWith("{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterARealCall_CountItByOutcomeReasonAndRule()
    {
        const string Series = "crmrouter_calls_total{";
        var before = await CallsAsync(Series);

        var call = await stack.CallAsync(Dids.Status, Callers.Gold);

        Assert.Equal("queue:610", call.Landing.Destination);
        var after = before;
        for (var i = 0; i < 100 && after == before; i++)
        {
            await Task.Delay(100);
            after = await CallsAsync(Series);
        }

        Assert.Equal(before + 1, after);
    }

    /// <summary>The routed calls of rule status-did with reason row-matched, as the router's /metrics says.</summary>
    private async Task<double> CallsAsync(string series)
    {
        var text = await _http.GetStringAsync(new Uri(stack.OperationsUrl, "/metrics"));
        return text.Split('\n')
            .Where(line => line.StartsWith(series, StringComparison.Ordinal)
                && line.Contains("crmrouter_rule=\"status-did\"", StringComparison.Ordinal)
                && line.Contains("crmrouter_call_reason=\"row-matched\"", StringComparison.Ordinal)
                && line.Contains("crmrouter_call_outcome=\"continued\"", StringComparison.Ordinal))
            .Select(line => double.Parse(SampleValue().Match(line).Groups[1].Value, CultureInfo.InvariantCulture))
            .Sum();
    }

    [GeneratedRegex(@"\}\s+([0-9.eE+-]+)")]
    private static partial Regex SampleValue();
}

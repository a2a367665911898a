using AriCrmRouter.TestKit.Crm;

namespace AriCrmRouter.Cli.Tests;

public sealed class SimulateCommandTests : IClassFixture<RedisServer>, IAsyncLifetime, IDisposable
{
    private readonly CliHarness _cli;
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private FakeCustomCrm _crm = null!;

    public SimulateCommandTests(RedisServer redis) => _cli = new CliHarness(redis);

    public async Task InitializeAsync()
    {
        _crm = await FakeCustomCrm.StartAsync(_certificates);
        _crm.Add("+14155550100", ("status", "GOLD"));
        _cli.Environment["Crm__ExtraTrustedCaFile"] = _certificates.WriteAuthorityPem(_cli.WorkDirectory);
        var crm = RuleJson.Crm($"{_crm.LookupUrl}?api_key=K3y-secret", headers: new Dictionary<string, string> { ["Authorization"] = "Bearer T0k3n-secret" });
        var rows = new[] { RuleJson.Row("=", "SILVER", "ivr", "200"), RuleJson.Row("=", "gold", "queue", "103"), RuleJson.Row(">=", "10", "extension", "201") };
        var rules = RuleJson.File([RuleJson.Did("vip", rows, crm: crm)], ("5551000", "vip"));
        Assert.Equal(0, (await _cli.RunAsync("rules", "import", _cli.WriteFile("rules.json", rules))).ExitCode);
    }

    public async Task DisposeAsync() => await _crm.DisposeAsync();

    public void Dispose()
    {
        _cli.Dispose();
        _certificates.Dispose();
    }

    [Fact]
    public async Task Simulate_KnownCaller_PrintsRequestValueEachRowAndTheDestination()
    {
        var run = await _cli.RunAsync("simulate", "vip", "--caller", "+14155550100");

        run.AssertExit(0);
        run.AssertSays(
            "CRM request: GET https://127.0.0.1:",
            "caller_id=%2B14155550100&did=5551000 -> 200 OK",
            "Value: 'GOLD'",
            "Row 1: = SILVER -> ivr:200  no match",
            "Row 2: = gold -> queue:103  MATCH",
            "Row 3: >= 10 -> extension:201  not evaluated (an earlier row matched)",
            "Destination: queue:103 (row 2 matched)");
    }

    [Fact]
    public async Task Simulate_Always_MasksSecretsOfTheCrmRequest()
    {
        var run = await _cli.RunAsync("simulate", "vip", "--caller", "+14155550100");

        Assert.Contains("api_key=***", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("K3y-secret", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("T0k3n-secret", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_GivenValue_DoesNotAskTheCrm()
    {
        var run = await _cli.RunAsync("simulate", "vip", "--caller", "+14155550100", "--value", "050");

        run.AssertSays("CRM: not asked (--value given)", "Row 3: >= 10 -> extension:201  MATCH: numeric 050 >= 10 is true");
        Assert.Empty(_crm.Requests);
    }

    [Fact]
    public async Task Simulate_CrmDown_ShowsTheFailureAndTheDefaultDestination()
    {
        _crm.Mode = FakeCrmMode.Down;

        var run = await _cli.RunAsync("simulate", "vip", "--caller", "+14155550100");

        run.AssertExit(0);
        run.AssertSays("-> 503 Service Unavailable", "Value: none, the lookup failed", "Destination: queue:100 (lookup failed: default destination)");
    }

    [Fact]
    public async Task Simulate_UnknownRule_ExitsWithOne()
    {
        var run = await _cli.RunAsync("simulate", "nope", "--caller", "+14155550100");

        run.AssertFailed(1, "no rule named 'nope'");
    }
}

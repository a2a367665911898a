using AriCrmRouter.Crm.Tests.Lookup;

namespace AriCrmRouter.Crm.Tests.Outbound;

/// <summary>
/// Redirects through the CRM HTTP client as the router composes it: followed within the CRM's origin, refused
/// to any other host so that API keys and tokens never leave it. "Another host" here is <c>localhost</c> for
/// a CRM configured as <c>127.0.0.1</c> (both served by loopback fakes).
/// </summary>
public sealed class CrmRedirectTests : IAsyncLifetime
{
    private static readonly LookupSettings Patient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly CallerInput Caller = new("+14155550100", null, "5551000");
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private readonly string _directory = Directory.CreateTempSubdirectory("crmrouter-tests-").FullName;
    private FakeCustomCrm _crm = null!;

    public async Task InitializeAsync()
    {
        _crm = await FakeCustomCrm.StartAsync(_certificates);
        _crm.Add("+14155550100", ("status", "GOLD"));
    }

    public async Task DisposeAsync()
    {
        await _crm.DisposeAsync();
        _certificates.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task LookupAsync_CustomCrmRedirectsToAnotherHost_FailsWithoutSendingTheApiKeyThere()
    {
        var elsewhere = new UriBuilder(_crm.LookupUrl) { Host = "localhost" }.Uri;
        await using var redirector = await RedirectorAsync(path => new Uri(elsewhere, path).ToString());
        var rule = LookupRules.Custom(new Uri(redirector.BaseUri, "lookup"), usePost: true, lookup: Patient, headers: new Dictionary<string, string> { ["X-Api-Key"] = "tenant-secret" });
        await using var services = Services();

        var result = await services.GetRequiredService<CrmLookupService>().LookupAsync(rule, Caller, CancellationToken.None);

        var failure = Assert.IsType<LookupOutcome.LookupFailure>(result.Outcome);
        Assert.Contains("redirected to another host (localhost)", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(_crm.Requests);
        Assert.Equal("tenant-secret", Assert.Single(redirector.Requests).Headers["X-Api-Key"]);
    }

    [Fact]
    public async Task LookupAsync_CustomCrmRedirectsWithinItsHost_FollowsWithHeadersAndBody()
    {
        await using var crm = await FakeHttpServer.StartAsync(app =>
        {
            app.MapPost("/old", () => Results.Redirect("/lookup", permanent: true, preserveMethod: true));
            app.MapPost("/lookup", () => Results.Json(new Dictionary<string, string> { ["status"] = "GOLD" }));
        });
        var rule = LookupRules.Custom(new Uri(crm.BaseUri, "old"), usePost: true, lookup: Patient, headers: new Dictionary<string, string> { ["X-Api-Key"] = "tenant-secret" });
        await using var services = Services();

        var result = await services.GetRequiredService<CrmLookupService>().LookupAsync(rule, Caller, CancellationToken.None);

        Assert.Equal(LookupOutcome.Found("GOLD"), result.Outcome);
        var followed = crm.Requests[^1];
        Assert.Equal(("POST", "/lookup", "tenant-secret"), (followed.Method, followed.Path, followed.Headers["X-Api-Key"]));
        using var body = System.Text.Json.JsonDocument.Parse(followed.Body);
        Assert.Equal("+14155550100", body.RootElement.GetProperty("caller_id").GetString());
    }

    [Fact]
    public async Task LookupAsync_PipedriveRedirectsToAnotherHost_FailsWithoutSendingTheApiTokenThere()
    {
        await using var pipedrive = await FakePipedrive.StartAsync();
        var elsewhere = new UriBuilder(pipedrive.Server.BaseUri) { Host = "localhost" }.Uri;
        await using var redirector = await RedirectorAsync(path => new Uri(elsewhere, path).ToString());
        var connection = new CrmConnection("pd", "pipedrive", new Dictionary<string, string> { ["baseUrl"] = redirector.BaseUri.ToString() }, new Dictionary<string, string> { ["apiToken"] = FakePipedrive.ApiToken });
        var rule = LookupRules.Custom(_crm.LookupUrl, lookup: Patient) with { Crm = new IntegrationCrmSource("pd", "persons") };
        await using var services = Services(connection);

        var result = await services.GetRequiredService<CrmLookupService>().LookupAsync(rule, Caller, CancellationToken.None);

        var failure = Assert.IsType<LookupOutcome.LookupFailure>(result.Outcome);
        Assert.Contains("redirected to another host (localhost)", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(pipedrive.Server.Requests);
        Assert.Equal(FakePipedrive.ApiToken, Assert.Single(redirector.Requests).Headers["x-api-token"]);
    }

    /// <summary>A server on 127.0.0.1 that answers every request with a 307 to <paramref name="target"/>(path and query).</summary>
    private static Task<FakeHttpServer> RedirectorAsync(Func<string, string> target) => FakeHttpServer.StartAsync(app =>
        app.Map("/{**path}", (HttpRequest request) => Results.Redirect(target(request.Path.Value!.TrimStart('/') + request.QueryString), permanent: false, preserveMethod: true)));

    private ServiceProvider Services(params CrmConnection[] connections) => CrmComposition.Build(_certificates.WriteAuthorityPem(_directory), connections);
}

using AriCrmRouter.TestKit.Crm.Vendors;

namespace AriCrmRouter.Cli.Tests;

public sealed class CrmTestCommandTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime, IDisposable
{
    private readonly CliHarness _cli = new(redis);
    private FakeHubSpot _hubspot = null!;

    public async Task InitializeAsync()
    {
        _hubspot = await FakeHubSpot.StartAsync();
        _hubspot.Records.Add(("contacts", new()
        {
            ["hs_object_id"] = "901",
            ["phone"] = "+14155550100",
            ["status"] = "GOLD",
            ["customer_number"] = "12345",
        }));
    }

    public async Task DisposeAsync() => await _hubspot.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Test_ByPhoneRecordExists_PrintsEachRequestAndTheValueAndExitsZero()
    {
        await AddPrivateAppConnectionAsync();

        var run = await _cli.RunAsync("crm", "test", "hub", "--module", "contacts", "--field", "status", "--phone", "+14155550100");

        run.AssertExit(0);
        run.AssertSays("Connection: hub (hubspot)", "Settings: ok");
        Assert.Matches(@"1\. POST http://127\.0\.0\.1:\d+/crm/v3/objects/contacts/search -> 200 OK", run.Out);
        Assert.EndsWith("Outcome: value \"GOLD\"", run.Out.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeHubSpot.PrivateAppToken, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ByKeyFieldNoRecord_PrintsNotFoundAndExitsZero()
    {
        await AddPrivateAppConnectionAsync();

        var run = await _cli.RunAsync("crm", "test", "hub", "--module", "contacts", "--field", "status", "--key-field", "customer_number", "--key", "99999");

        run.AssertExit(0);
        run.AssertSays("where customer_number = 99999", "-> 200 OK");
        Assert.EndsWith("Outcome: not found", run.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_OAuthConnection_TracesTheTokenRequestButNeverPrintsASecret()
    {
        var add = await _cli.RunAsync("crm", "add", "hub-oauth", "--kind", "hubspot",
            "--setting", $"baseUrl={_hubspot.Server.BaseUri}", "--setting", "clientId=hs-client",
            "--secret", $"clientSecret={FakeHubSpot.ClientSecret}", "--secret", $"refreshToken={FakeHubSpot.RefreshToken}");
        add.AssertExit(0);

        var run = await _cli.RunAsync("crm", "test", "hub-oauth", "--module", "contacts", "--field", "status", "--phone", "+14155550100");

        run.AssertExit(0);
        Assert.Matches(@"1\. POST http://127\.0\.0\.1:\d+/oauth/v3/token -> 200 OK", run.Out);
        Assert.Matches(@"2\. POST http://127\.0\.0\.1:\d+/crm/v3/objects/contacts/search -> 200 OK", run.Out);
        Assert.DoesNotContain(FakeHubSpot.ClientSecret, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeHubSpot.RefreshToken, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("CJT-oauth", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_CrmOnLoopbackNotAllowed_PrintsWhichSettingAllowsItAndExitsOne()
    {
        await AddPrivateAppConnectionAsync();
        _cli.Environment.Remove("Crm__AllowedPrivateNetworks");

        var run = await _cli.RunAsync("crm", "test", "hub", "--module", "contacts", "--field", "status", "--phone", "+14155550100");

        run.AssertExit(1);
        run.AssertSays("Outcome: failure (Configuration)", "Crm:AllowedPrivateNetworks");
        Assert.Empty(_hubspot.Server.Requests);
    }

    [Fact]
    public async Task Test_CrmRejectsTheToken_PrintsUnauthorizedFailureAndExitsOne()
    {
        await AddPrivateAppConnectionAsync();
        _hubspot.RejectEveryToken = true;

        var run = await _cli.RunAsync("crm", "test", "hub", "--module", "contacts", "--field", "status", "--phone", "+14155550100");

        run.AssertExit(1);
        run.AssertSays("-> 401 Unauthorized", "Outcome: failure (Unauthorized)");
        Assert.DoesNotContain(FakeHubSpot.PrivateAppToken, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ConnectionWithoutCredentials_PrintsProblemsSendsNothingAndExitsOne()
    {
        await _cli.StoreUncheckedConnectionAsync("hub-empty", "hubspot", new Dictionary<string, string> { ["baseUrl"] = _hubspot.Server.BaseUri.ToString() }, new Dictionary<string, string>());

        var run = await _cli.RunAsync("crm", "test", "hub-empty", "--module", "contacts", "--field", "status", "--phone", "+14155550100");

        run.AssertExit(1);
        Assert.Matches(@"Settings: \d+ problems?:", run.Out);
        Assert.DoesNotContain("HTTP:", run.Out, StringComparison.Ordinal);
        Assert.Empty(_hubspot.Server.Requests);
    }

    [Fact]
    public async Task Test_UnknownKind_PrintsConfigurationFailureAndExitsOne()
    {
        await _cli.StoreUncheckedConnectionAsync("odd", "notacrm", new Dictionary<string, string>(), new Dictionary<string, string> { ["token"] = "very-secret-value" });

        var run = await _cli.RunAsync("crm", "test", "odd", "--module", "contacts", "--field", "status", "--phone", "+14155550100");

        run.AssertExit(1);
        Assert.Contains("Outcome: failure (Configuration)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_UnknownConnection_ExitsOne()
    {
        var run = await _cli.RunAsync("crm", "test", "nope", "--module", "contacts", "--field", "status", "--phone", "+14155550100");

        run.AssertFailed(1, "No CRM connection named 'nope'");
    }

    [Theory]
    [InlineData("--phone", "+14155550100", "--key-field", "customer_number")]
    [InlineData("--key", "12345")]
    public async Task Test_NeitherPhoneNorKeyPairExactly_IsAUsageError(params string[] lookupArguments)
    {
        var run = await _cli.RunAsync(["crm", "test", "hub", "--module", "contacts", "--field", "status", .. lookupArguments]);

        run.AssertExit(2);
        Assert.Empty(_hubspot.Server.Requests);
    }

    private async Task AddPrivateAppConnectionAsync()
    {
        var add = await _cli.RunAsync("crm", "add", "hub", "--kind", "hubspot",
            "--setting", $"baseUrl={_hubspot.Server.BaseUri}", "--secret", $"accessToken={FakeHubSpot.PrivateAppToken}");
        add.AssertExit(0);
    }
}

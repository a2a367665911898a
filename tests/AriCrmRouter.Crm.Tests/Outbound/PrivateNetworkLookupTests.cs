using AriCrmRouter.Crm.Tests.Lookup;

namespace AriCrmRouter.Crm.Tests.Outbound;

/// <summary>Vendor API bases are checked when connecting too, including those a token answer names.</summary>
public sealed class PrivateNetworkLookupTests
{
    [Fact]
    public async Task LookupAsync_TokenAnswerNamesTheMetadataAddressAsApiBase_IsRefusedWhenConnecting()
    {
        await using var login = await FakeHttpServer.StartAsync(app => app.MapPost("/services/oauth2/token", () => Results.Json(new
        {
            access_token = "00D-session-1",
            instance_url = "https://169.254.169.254",
            token_type = "Bearer",
            issued_at = "1732449600000",
        })));
        var connection = new CrmConnection(
            "sf",
            "salesforce",
            new Dictionary<string, string> { ["loginUrl"] = login.BaseUri.ToString(), ["clientId"] = "3MVG9-CLIENT" },
            new Dictionary<string, string> { ["clientSecret"] = "secret", ["refreshToken"] = "refresh" });
        var rule = LookupRules.Custom(new Uri("https://unused.example"), lookup: new LookupSettings { Timeout = TimeSpan.FromSeconds(30) })
            with { Crm = new IntegrationCrmSource("sf", "Contact") };
        await using var services = CrmComposition.Build(null, connection);

        var result = await services.GetRequiredService<CrmLookupService>().LookupAsync(rule, new CallerInput("+14155550100", null, "5551000"), CancellationToken.None);

        var failure = Assert.IsType<LookupOutcome.LookupFailure>(result.Outcome);
        Assert.Contains("resolves to 169.254.169.254", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("Crm:AllowedPrivateNetworks", failure.Reason, StringComparison.Ordinal);
        Assert.Contains(login.Requests, r => r.Path == "/services/oauth2/token");
    }
}

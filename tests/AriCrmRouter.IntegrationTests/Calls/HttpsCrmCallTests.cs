using AriCrmRouter.Crm;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Service.Stasis.Lookup;
using AriCrmRouter.Tests.Calls;
using AriCrmRouter.TestKit.Crm;
using Microsoft.Extensions.DependencyInjection;
using static AriCrmRouter.Tests.Calls.SampleCalls;

namespace AriCrmRouter.IntegrationTests.Calls;

/// <summary>The call handling with the production CRM lookup (deadline, breaker, cache) against an HTTPS fake custom CRM.</summary>
public sealed class HttpsCrmCallTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private readonly string _directory = Directory.CreateTempSubdirectory("crmrouter-calls-").FullName;
    private FakeCustomCrm _crm = null!;
    private CallHarness _calls = null!;

    public async Task InitializeAsync()
    {
        _crm = await FakeCustomCrm.StartAsync(_certificates);
        Seed(_crm.Add);
        var settings = new Dictionary<string, string?>
        {
            ["Crm:ExtraTrustedCaFile"] = _certificates.WriteAuthorityPem(_directory),
            ["Crm:AllowedPrivateNetworks"] = "127.0.0.0/8", // the fake CRM listens on loopback
        };
        _calls = CallHarness.Start(Rules(_crm.LookupUrl), TimeProvider.System, AddProductionLookup, settings);
    }

    public async Task DisposeAsync()
    {
        await _calls.DisposeAsync();
        await _crm.DisposeAsync();
        _certificates.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(FakeCrmMode.Down)]
    [InlineData(FakeCrmMode.Garbage)]
    [InlineData(FakeCrmMode.Slow)]
    public async Task DidCall_CrmUnusable_GoesToTheDefaultDestination(FakeCrmMode mode)
    {
        _crm.Mode = mode;

        var call = _calls.StartCall(Gold, "5551000");

        Assert.Equal($"continue {call} crmrouter-queue 100 1", await _calls.ContinuedAsync(call));
        Assert.StartsWith("lookup-failed:", _calls.Ari.LabelOf(call), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IvrCall_DigitsTyped_ReachTheCrmAsTheDtmfParameter()
    {
        var call = _calls.StartCall(Unknown, "5553000");
        await _calls.GreetingStartedAsync(call);

        foreach (var digit in "12345#")
        {
            _calls.Dtmf(call, digit);
        }

        Assert.Equal($"continue {call} crmrouter-queue 103 1", await _calls.ContinuedAsync(call));
        Assert.Contains(_crm.Requests, r => r.Query.Contains("dtmf=12345&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DidCall_SameCallerTwice_SecondDecisionIsACacheHit()
    {
        await _calls.ContinuedAsync(_calls.StartCall(Gold, "5551000"));
        await _calls.IdleAsync();
        await _calls.ContinuedAsync(_calls.StartCall(Gold, "5551000"));
        await _calls.IdleAsync();

        Assert.Equal(["cache=miss", "cache=hit"], _calls.Decisions.Select(d => d.Message.Contains("cache=hit", StringComparison.Ordinal) ? "cache=hit" : "cache=miss"));
        Assert.Single(_crm.Requests);
    }

    private static void AddProductionLookup(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddSingleton<ICrmAnswerCache, InMemoryAnswerCache>();
        services.AddSingleton<ICrmConnectionStore>(new FixedConnectionSource());
        services.AddCrmLookups(configuration);
        services.AddSingleton<ICrmLookup, CrmServiceLookup>();
    }
}

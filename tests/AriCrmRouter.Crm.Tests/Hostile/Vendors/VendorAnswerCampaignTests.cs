using AriCrmRouter.Tests.Hostile;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace AriCrmRouter.Crm.Tests.Hostile.Vendors;

/// <summary>Runs alone: a case's memory is measured for the whole process (its lookup awaits across threads).</summary>
[CollectionDefinition(nameof(VendorAnswerCampaign), DisableParallelization = true)]
public sealed class VendorAnswerCampaign;

/// <summary>
/// The vendor-answer category of the hostile-input campaign (docs/hostile-input.md): each vendor's search answers
/// replaced by generated shapes, through the lookup service and connectors exactly as the router composes them.
/// Authentication is answered by the vendor's fake (and cached), so the cases stay in-process.
/// </summary>
[Collection(nameof(VendorAnswerCampaign))]
public sealed class VendorAnswerCampaignTests(ITestOutputHelper output)
{
    /// <summary>Fixed cases plus random ones: 10,000 generated answers per vendor and run.</summary>
    private const int FixedCases = 1_000;

    private const int RandomCases = 9_000;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Crm:AllowedPrivateNetworks"] = "127.0.0.0/8,::1/128", // the fakes listen on loopback
        ["Crm:MaxRetries"] = "0", // one answer per request; retries would only repeat the case
        ["Crm:AttemptTimeout"] = "00:00:30",
        ["Crm:DefaultLookupTimeout"] = "00:00:30", // a busy machine must not turn cases into deadline failures
        ["Crm:CircuitBreaker:FailureRatio"] = "1.0", // keep asking the connector: an open circuit would skip its reading
        ["Crm:CircuitBreaker:MinimumThroughput"] = "10000",
    };

    [Theory]
    [InlineData("zoho")]
    [InlineData("salesforce")]
    [InlineData("hubspot")]
    [InlineData("dynamics")]
    [InlineData("pipedrive")]
    [InlineData("zendesk")]
    [InlineData("sugarcrm")]
    [InlineData("suitecrm")]
    [InlineData("vtiger")]
    [InlineData("bullhorn")]
    public async Task LookupAsync_HostileVendorAnswers_EndFoundNotFoundOrFailed(string vendor)
    {
        var setup = await CampaignVendors.StartAsync(vendor);
        await using var fake = setup.Fake;
        var script = new ScriptedCrmAnswers();
        var clock = new CampaignClock();
        await using var provider = Build(script, setup, clock);
        var lookup = provider.GetRequiredService<CrmLookupService>();
        var rule = Rule(setup);

        // Two real lookups: the first authenticates, the second (credentials cached) shows the search endpoints.
        Assert.Equal(LookupOutcome.Found(HostileVendorAnswer.Marker), (await lookup.LookupAsync(rule, Caller(CampaignVendors.CallerNumber), CancellationToken.None)).Outcome);
        script.Seen.Clear();
        Assert.Equal(LookupOutcome.Found(HostileVendorAnswer.Marker), (await lookup.LookupAsync(rule, Caller("+1 415 555 1212"), CancellationToken.None)).Outcome);
        script.Scripted.UnionWith(script.Seen.Keys);
        Assert.NotEmpty(script.Scripted);
        script.Recording = false;

        var endings = new Dictionary<string, int>(StringComparer.Ordinal);
        var requestsBefore = 0;
        var caseRequests = 0;
        await HostileCampaign.RunAsync(
            HostileVendorAnswer.Any,
            async answer =>
            {
                script.Current = answer;
                requestsBefore = script.ScriptedAnswers;
                // The seeded caller (some connectors check that the record found carries the caller's number). Cases
                // run one after another and nothing is cached, so no case can be handed another case's answer.
                var result = await lookup.LookupAsync(rule, Caller(CampaignVendors.CallerNumber), CancellationToken.None);
                AssertEnds(result.Outcome);
                var ending = result.Outcome.GetType().Name;
                endings[ending] = endings.GetValueOrDefault(ending) + 1;
                if (result.Outcome is LookupOutcome.LookupFailure)
                {
                    // A 429 case makes the lookup service honour its wait (up to a day): let that day pass, so the
                    // next case reaches the connector as the first request after the wait would.
                    clock.Skip(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
                }

                caseRequests = script.ScriptedAnswers - requestsBefore;
            },
            answer => PerCaseBound + (caseRequests * PerRequestBound(answer)),
            FixedCases,
            RandomCases);

        output.WriteLine($"{vendor}: {script.ScriptedAnswers} answers to {string.Join(", ", script.Scripted)}; endings {string.Join(", ", endings.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}"))}");
        Assert.True(script.ScriptedAnswers >= FixedCases + RandomCases, $"only {script.ScriptedAnswers} requests were answered by a case");
        Assert.All(["FoundValue", "NoValue", "LookupFailure"], ending => Assert.True(endings.ContainsKey(ending), $"no case ended {ending}"));
    }

    /// <summary>What a lookup may allocate besides its answers (authentication, the lookup service, the rule).</summary>
    private const long PerCaseBound = 4L * 1024 * 1024;

    /// <summary>
    /// What one answered request may allocate, the answer's making included: proportional to the largest body the
    /// case can make (the recorded answer is a few hundred bytes; a huge value is up to 300,000 characters).
    /// </summary>
    private static long PerRequestBound(HostileVendorAnswer answer) =>
        (1024L * 1024) + (40L * ((answer.Shape == AnswerShape.Huge ? 300_000 : 0) + answer.Json.Length));

    private static void AssertEnds(LookupOutcome outcome)
    {
        switch (outcome)
        {
            case LookupOutcome.FoundValue found:
                Assert.False(string.IsNullOrWhiteSpace(found.Value), "a found value is blank");
                Assert.True(found.Value.Length <= 256, $"a found value has {found.Value.Length} characters");
                Assert.False(found.Value.Any(char.IsControl), "a found value has control characters");
                break;
            case LookupOutcome.NoValue:
                break;
            case LookupOutcome.LookupFailure failure:
                Assert.False(string.IsNullOrWhiteSpace(failure.Reason), "a failure gives no reason");
                break;
            default:
                Assert.Fail($"the lookup ended {outcome}");
                break;
        }
    }

    private static CallerInput Caller(string number) => new(number, null, "5552000");

    private static Rule Rule(CampaignVendor setup) => new()
    {
        Name = "hostile-" + setup.Connection.Kind,
        CrmField = setup.Field,
        Location = RuleLocation.Did,
        Crm = new IntegrationCrmSource(setup.Connection.Name, setup.Module),
        DefaultDestination = new Destination(DestinationType.Queue, "100"),
        Rows = [new RuleRow(ComparisonOperator.Equal, HostileVendorAnswer.Marker, new Destination(DestinationType.Queue, "103"))],
        Lookup = LookupSettings.Defaults,
    };

    private static ServiceProvider Build(ScriptedCrmAnswers script, CampaignVendor setup, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddLogging();
        services.AddSingleton<ICrmAnswerCache>(new NoAnswerCache());
        services.AddSingleton<ICrmConnectionStore>(new FixedConnectionSource(setup.Connection));
        services.AddCrmLookups(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        services.AddCrmConnectors();
        // Innermost on the CRM client: the connectors' own handlers (redirects, tracing, timeouts) see every case.
        services.AddHttpClient(CrmHttp.ClientName).AddHttpMessageHandler(() => new ScriptedCrmAnswers.Handler(script));
        return services.BuildServiceProvider(validateScopes: true);
    }
}

/// <summary>Real time whose calendar the campaign can move forward (timers and timestamps stay real).</summary>
internal sealed class CampaignClock : TimeProvider
{
    private long _skippedTicks;

    public void Skip(TimeSpan time) => Interlocked.Add(ref _skippedTicks, time.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _skippedTicks));
}

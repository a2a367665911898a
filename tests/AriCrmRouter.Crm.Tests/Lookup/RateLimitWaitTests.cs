using Microsoft.Extensions.Configuration;

namespace AriCrmRouter.Crm.Tests.Lookup;

/// <summary>A CRM's Retry-After is honoured: it is not asked again before the time it named.</summary>
public sealed class RateLimitWaitTests
{
    private static readonly CallerInput Caller = new("+14155550100", null, "5551000");

    [Fact]
    public async Task LookupAsync_CrmAskedToWait_FailsWithoutAskingItUntilThenThenAsksAgain()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var connector = new RateLimitedOnce(TimeSpan.FromSeconds(30));
        await using var services = Compose(clock, connector);
        var lookup = services.GetRequiredService<CrmLookupService>();
        var rule = LookupRules.Custom(new Uri("https://unused.example")) with { Crm = new IntegrationCrmSource("acme-prod", "Contacts") };

        var refused = await lookup.LookupAsync(rule, Caller, CancellationToken.None);
        var waiting = await lookup.LookupAsync(rule, Caller, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(30));
        var answered = await lookup.LookupAsync(rule, Caller, CancellationToken.None);

        Assert.StartsWith("RateLimited: ", Assert.IsType<LookupOutcome.LookupFailure>(refused.Outcome).Reason, StringComparison.Ordinal);
        Assert.Contains("asked to wait", Assert.IsType<LookupOutcome.LookupFailure>(waiting.Outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(LookupOutcome.Found("GOLD"), answered.Outcome);
        Assert.Equal(2, connector.Calls);
    }

    private static ServiceProvider Compose(TimeProvider clock, ICrmConnector connector)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton<ICrmAnswerCache>(new InMemoryAnswerCache());
        services.AddSingleton<ICrmConnectionStore>(new FixedConnectionSource(
            new CrmConnection("acme-prod", "acme", new Dictionary<string, string>(), new Dictionary<string, string>())));
        services.AddSingleton(connector);
        services.AddCrmLookups(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>Answers 429 with Retry-After once, then the value.</summary>
    private sealed class RateLimitedOnce(TimeSpan retryAfter) : ICrmConnector
    {
        private int _calls;

        public int Calls => _calls;

        public string Kind => "acme";

        public IReadOnlyList<string> Validate(CrmConnection connection) => [];

        public Task<LookupOutcome> LookupAsync(CrmConnection connection, CrmLookupRequest request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new CrmLookupException(CrmFailureKind.RateLimited, "HTTP 429") { RetryAfter = retryAfter }
                : Task.FromResult(LookupOutcome.Found("GOLD"));
    }
}

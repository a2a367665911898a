namespace AriCrmRouter.Service.Tests.Fakes;

/// <summary>The call handling on a fake clock and a fake lookup seeded with <see cref="SampleCalls"/>: no network, no real time.</summary>
internal static class FakeCalls
{
    public static readonly Uri CrmUrl = new("https://crm.invalid/lookup");

    public static CallHarness Start(FakeCrmLookup lookup, FakeTimeProvider clock, Dictionary<string, string?>? settings = null)
    {
        SampleCalls.Seed(lookup.Add);
        settings ??= [];
        settings.TryAdd("Routing:ContinueRetryDelay", "00:00:00"); // retries without waiting on the fake clock
        return CallHarness.Start(SampleCalls.Rules(CrmUrl), clock, (services, _) => services.AddSingleton<ICrmLookup>(lookup), settings);
    }

    public static FakeTimeProvider NewClock() => new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
}

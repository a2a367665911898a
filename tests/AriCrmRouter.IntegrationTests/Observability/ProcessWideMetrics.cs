namespace AriCrmRouter.IntegrationTests.Observability;

/// <summary>
/// Test classes that read a router's /metrics. OpenTelemetry's meter listener is process-wide: it hears every meter
/// of its name in the process, also those of the routers other test classes run at the same time, so a scrape would
/// count their calls and connections too. These classes therefore run alone, never beside another router.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetrics
{
    public const string Name = "process-wide metrics";
}

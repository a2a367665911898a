namespace AriCrmRouter.Service.Stasis.Session;

/// <summary>What every call session uses, resolved once.</summary>
internal sealed class CallServices(
    IAriClient ari,
    IRuleSetProvider rules,
    ICrmLookup lookup,
    DestinationRouter router,
    DecisionLog decisions,
    IOptions<RouterOptions> options,
    TimeProvider time,
    ILogger<CallSession> logger)
{
    public IAriClient Ari { get; } = ari;

    public IRuleSetProvider Rules { get; } = rules;

    public ICrmLookup Lookup { get; } = lookup;

    public DestinationRouter Router { get; } = router;

    public DecisionLog Decisions { get; } = decisions;

    public RouterOptions Options => options.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;
}

using AriCrmRouter.Ari.Rest;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Service.Destinations;
using AriCrmRouter.Storage;
using AriCrmRouter.Storage.Decisions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Service.Stasis;

/// <summary>What every call session uses, resolved once.</summary>
internal sealed class CallServices(
    IAriClient ari,
    IRuleSetProvider rules,
    CrmLookupService lookup,
    DestinationRouter router,
    IOptions<RouterOptions> options,
    TimeProvider time,
    ILogger<CallSession> logger,
    CallMetrics? metrics = null,
    RedisDecisionLog? decisions = null)
{
    public IAriClient Ari { get; } = ari;

    public IRuleSetProvider Rules { get; } = rules;

    public CrmLookupService Lookup { get; } = lookup;

    public DestinationRouter Router { get; } = router;

    public RouterOptions Options => options.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public CallMetrics? Metrics { get; } = metrics;

    /// <summary>Where each decision is also appended for the web admin's Recent calls (absent in some tests).</summary>
    public RedisDecisionLog? Decisions { get; } = decisions;
}

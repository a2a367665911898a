namespace AriCrmRouter.Service.Stasis.Lookup;

/// <summary>
/// What the call flow needs from the CRM side: the answer for one rule and caller, within the rule's deadline.
/// Never throws for a CRM failure (that is <see cref="LookupOutcome.LookupFailure"/>); only cancellation ends it
/// early. The seam lets the flow's unit tests run on a fake lookup and a fake clock.
/// </summary>
public interface ICrmLookup
{
    Task<LookupResult> LookupAsync(Rule rule, CallerInput input, CancellationToken cancellationToken);
}

/// <summary>The production lookup: cache, single flight, breaker and connector (<see cref="CrmLookupService"/>).</summary>
internal sealed class CrmServiceLookup(CrmLookupService service) : ICrmLookup
{
    public Task<LookupResult> LookupAsync(Rule rule, CallerInput input, CancellationToken cancellationToken) =>
        service.LookupAsync(rule, input, cancellationToken);
}

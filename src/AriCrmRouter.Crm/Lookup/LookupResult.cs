namespace AriCrmRouter.Crm.Lookup;

/// <summary>The outcome of one lookup with what the decision log needs to say about it.</summary>
public sealed record LookupResult(LookupOutcome Outcome, bool CacheHit, TimeSpan Elapsed);

namespace AriCrmRouter.Crm.Lookup;

/// <summary>A cache that holds nothing: every lookup asks the CRM (simulations and connection tests).</summary>
public sealed class NoAnswerCache : ICrmAnswerCache
{
    public Task<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult<CachedAnswer?>(null);

    public Task SetAsync(string key, CachedAnswer answer, TimeSpan timeToLive, CancellationToken cancellationToken) => Task.CompletedTask;
}

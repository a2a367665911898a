namespace AriCrmRouter.Crm.Lookup;

/// <summary>A cached CRM answer: the field's value, or <c>null</c> for a cached "not found".</summary>
public sealed record CachedAnswer(string? Value);

/// <summary>Shared cache of CRM answers (Redis in production). Best effort: callers treat failures as misses.</summary>
public interface ICrmAnswerCache
{
    Task<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, CachedAnswer answer, TimeSpan timeToLive, CancellationToken cancellationToken);
}

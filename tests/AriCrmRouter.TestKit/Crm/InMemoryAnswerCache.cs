using System.Collections.Concurrent;
using AriCrmRouter.Crm.Lookup;

namespace AriCrmRouter.TestKit.Crm;

/// <summary>An answer cache in memory, with a switch that makes it fail like an unreachable Redis.</summary>
public sealed class InMemoryAnswerCache : ICrmAnswerCache
{
    private readonly ConcurrentDictionary<string, (CachedAnswer Answer, TimeSpan Ttl)> _entries = new();

    public bool Unavailable { get; set; }

    public IReadOnlyDictionary<string, (CachedAnswer Answer, TimeSpan Ttl)> Entries => _entries;

    public Task<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        return Task.FromResult(_entries.TryGetValue(key, out var entry) ? entry.Answer : null);
    }

    public Task SetAsync(string key, CachedAnswer answer, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        _entries[key] = (answer, timeToLive);
        return Task.CompletedTask;
    }

    private void ThrowIfUnavailable()
    {
        if (Unavailable)
        {
            throw new InvalidOperationException("cache unavailable (test)");
        }
    }
}

using AriCrmRouter.Crm.Lookup;

namespace AriCrmRouter.TestKit.Crm;

/// <summary>An answer cache in memory, with a switch that makes it fail like an unreachable Redis.</summary>
public sealed class InMemoryAnswerCache : ICrmAnswerCache
{
    private readonly ConcurrentDictionary<string, (CachedAnswer Answer, TimeSpan Ttl)> _entries = new();

    public bool Unavailable { get; set; }

    /// <summary>When set, writes wait for it (or for their cancellation) before they store anything.</summary>
    public TaskCompletionSource? HoldWrites { get; set; }

    /// <summary>Completed when a write starts waiting for <see cref="HoldWrites"/>.</summary>
    public TaskCompletionSource WriteHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when a held write is given up by its caller (its token was cancelled).</summary>
    public TaskCompletionSource WriteAbandoned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyDictionary<string, (CachedAnswer Answer, TimeSpan Ttl)> Entries => _entries;

    public Task<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        return Task.FromResult(_entries.TryGetValue(key, out var entry) ? entry.Answer : null);
    }

    public async Task SetAsync(string key, CachedAnswer answer, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        if (HoldWrites is { } hold)
        {
            WriteHeld.TrySetResult();
            try
            {
                await hold.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                WriteAbandoned.TrySetResult();
                throw;
            }
        }

        _entries[key] = (answer, timeToLive);
    }

    private void ThrowIfUnavailable()
    {
        if (Unavailable)
        {
            throw new InvalidOperationException("cache unavailable (test)");
        }
    }
}

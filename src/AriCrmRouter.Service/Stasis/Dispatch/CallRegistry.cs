using System.Collections.Concurrent;

namespace AriCrmRouter.Service.Stasis.Dispatch;

/// <summary>
/// The calls in hand, one <see cref="CallSession"/> per channel: starts each on the thread pool, removes it when
/// its flow ends, and on shutdown waits for them (then aborts the ones still waiting).
/// </summary>
internal sealed class CallRegistry(CallServices services, ILogger<CallDispatcher> logger)
{
    private readonly ConcurrentDictionary<string, CallSession> _calls = new(StringComparer.Ordinal);
    private volatile bool _draining;

    public int Count => _calls.Count;

    /// <summary>Set once shutdown began: new calls go straight to their default destination.</summary>
    public bool IsDraining => _draining;

    public bool Holds(string channelId) => _calls.ContainsKey(channelId);

    public bool TryGet(string channelId, out CallSession session) => _calls.TryGetValue(channelId, out session!);

    public IEnumerable<CallSession> Sessions => _calls.Values;

    /// <summary>
    /// Starts a session for the channel. When the channel still has a session: if that one saw the channel leave
    /// the application (StasisEnd), this is a new visit (a destination entered Stasis again right after our
    /// continue): the new session takes the channel's events from now on and starts when the old one is done.
    /// Otherwise it is a second start of a call in hand (e.g. recovered just before its StasisStart): ignored.
    /// </summary>
    public bool Start(StasisStart start, CallEntry entry)
    {
        var session = new CallSession(services, start, entry);
        while (true)
        {
            if (_calls.TryAdd(session.ChannelId, session))
            {
                _ = Task.Run(() => RunAsync(session, previous: null));
                return true;
            }

            if (!_calls.TryGetValue(session.ChannelId, out var current))
            {
                continue; // removed in between: add again
            }

            if (!current.HasLeftApplication || entry == CallEntry.Recovered)
            {
                Log.DuplicateStart(logger, session.ChannelId);
                session.Dispose();
                return false;
            }

            if (_calls.TryUpdate(session.ChannelId, session, current))
            {
                Log.ReEntered(logger, session.ChannelId, start.Args.Count > 0 ? start.Args[0] : "-");
                _ = Task.Run(() => RunAsync(session, previous: current));
                return true;
            }
        }
    }

    /// <summary>
    /// From now on new calls go straight to their default destination; waits for the calls in hand, then sends the
    /// ones still waiting to their default destination.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _draining = true;
        Log.Draining(logger, _calls.Count, timeout);
        if (!await WaitForAllAsync(timeout, cancellationToken))
        {
            Log.DrainTimedOut(logger, _calls.Count);
            foreach (var session in _calls.Values)
            {
                session.Abort();
            }

            await WaitForAllAsync(services.Options.RoutingTimeout, cancellationToken);
        }
    }

    /// <summary>Awaits the sessions (and those that start meanwhile) until none is left or <paramref name="timeout"/> passed.</summary>
    private async Task<bool> WaitForAllAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeout, services.Time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        try
        {
            while (_calls.Values.Select(session => session.Finished).ToArray() is { Length: > 0 } finished)
            {
                await Task.WhenAll(finished).WaitAsync(wait.Token);
            }

            return true;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task RunAsync(CallSession session, CallSession? previous)
    {
        try
        {
            if (previous is not null)
            {
                await previous.Finished;
            }

            await session.RunAsync();
        }
        catch (Exception ex)
        {
            Log.SessionCrashed(logger, ex, session.ChannelId);
        }
        finally
        {
            _calls.TryRemove(new KeyValuePair<string, CallSession>(session.ChannelId, session));
            session.Dispose();
            session.MarkFinished();
        }
    }
}

using System.Collections.Concurrent;
using AriCrmRouter.Ari;
using AriCrmRouter.Ari.Events;
using AriCrmRouter.Ari.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Service.Stasis;

/// <summary>
/// Receives ARI events and hands each to its call's own queue (one <see cref="CallSession"/> per channel), so
/// events of one call are handled in order while different calls run concurrently. Called on the websocket
/// receive loop: it only enqueues and starts work, never waits. On every (re)connect it recovers the calls that
/// are in the application without a session (their events were lost while disconnected).
/// </summary>
internal sealed partial class CallDispatcher(CallServices services, IOptions<AriOptions> ariOptions, ILogger<CallDispatcher> logger) : IAriEventSink
{
    private readonly ConcurrentDictionary<string, CallSession> _calls = new(StringComparer.Ordinal);
    private volatile bool _draining;
    private volatile bool _connected;
    private HashSet<string> _orphansLastSweep = [];

    public int ActiveCalls => _calls.Count;

    public void OnEvent(AriEvent ariEvent)
    {
        switch (ariEvent)
        {
            case StasisStart start:
                Start(start, _draining ? CallEntry.Draining : CallEntry.New);
                break;
            case StasisEnd end when _calls.TryGetValue(end.Channel.Id, out var leaving):
                leaving.MarkLeftApplication();
                leaving.Enqueue(end);
                break;
            case ApplicationReplaced:
                Log.ApplicationReplaced(logger, ariOptions.Value.Application);
                break;
            default:
                if (ariEvent.ChannelId is { } channelId && _calls.TryGetValue(channelId, out var session))
                {
                    session.Enqueue(ariEvent);
                }

                break;
        }
    }

    public void OnConnected(bool isReconnect)
    {
        _connected = true;
        Log.Connected(logger, ariOptions.Value.Application, isReconnect);
        if (isReconnect)
        {
            foreach (var session in _calls.Values)
            {
                session.Enqueue(new TransportResumed());
            }
        }

        _ = Task.Run(RecoverAsync);
    }

    public void OnDisconnected(string reason)
    {
        _connected = false;
        Log.Disconnected(logger, reason, _calls.Count);
    }

    /// <summary>From now on new calls go straight to their default destination.</summary>
    public void BeginDrain() => _draining = true;

    /// <summary>Waits for the calls in hand, then sends the ones still waiting to their default destination.</summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        BeginDrain();
        Log.Draining(logger, _calls.Count, timeout);
        if (!await WaitIdleAsync(timeout, cancellationToken))
        {
            foreach (var session in _calls.Values)
            {
                session.Abort();
            }

            await WaitIdleAsync(services.Options.RoutingTimeout, cancellationToken);
        }
    }

    private async Task<bool> WaitIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = services.Time.GetTimestamp();
        while (!_calls.IsEmpty && services.Time.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), services.Time, cancellationToken);
        }

        return _calls.IsEmpty;
    }

    /// <summary>
    /// Starts a session for the channel. When the channel still has a session: if that one saw the channel leave
    /// the application (StasisEnd), this is a new visit (a destination entered Stasis again right after our
    /// continue): the new session takes the channel's events from now on and starts when the old one is done.
    /// Otherwise it is a second start of a call in hand (e.g. recovered just before its StasisStart): ignored.
    /// </summary>
    private bool Start(StasisStart start, CallEntry entry)
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

    private async Task RecoverAsync()
    {
        var application = ariOptions.Value.Application;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), services.Time);
            var app = await services.Ari.GetApplicationAsync(application, timeout.Token);
            var recovered = 0;
            foreach (var channelId in app?.ChannelIds ?? [])
            {
                if (!_calls.ContainsKey(channelId) && await AdoptAsync(channelId, timeout.Token))
                {
                    recovered++;
                }
            }

            if (recovered > 0)
            {
                Log.Recovered(logger, recovered, application);
            }
        }
        catch (Exception ex)
        {
            Log.RecoveryFailed(logger, ex, application);
        }
    }

    /// <summary>
    /// One sweep (<c>Routing:SweepInterval</c>): routes the channels in the application that no session holds, e.g.
    /// a call whose routing failed while it stayed in Stasis. A channel is taken only when the previous sweep saw it
    /// without a session too, so a StasisStart that is merely on its way is never raced. Skipped while the
    /// websocket is down (the reconnect recovers those calls).
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (!_connected)
        {
            _orphansLastSweep = [];
            return;
        }

        var application = ariOptions.Value.Application;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(services.Options.SweepInterval);
        var app = await services.Ari.GetApplicationAsync(application, timeout.Token);
        var orphans = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channelId in app?.ChannelIds ?? [])
        {
            if (_calls.ContainsKey(channelId))
            {
                continue;
            }

            if (!_orphansLastSweep.Contains(channelId))
            {
                orphans.Add(channelId);
            }
            else if (await AdoptAsync(channelId, timeout.Token))
            {
                Log.Swept(logger, channelId, application);
            }
        }

        _orphansLastSweep = orphans;
    }

    /// <summary>Starts a session for a channel found in the application (its StasisStart was lost or its session ended).</summary>
    private async Task<bool> AdoptAsync(string channelId, CancellationToken cancellationToken)
    {
        var channel = await services.Ari.GetChannelAsync(channelId, cancellationToken);
        if (channel is null || !string.Equals(channel.Dialplan.AppName, "Stasis", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var start = new StasisStart
        {
            Type = "StasisStart",
            Application = ariOptions.Value.Application,
            Channel = channel,
            Args = RuleResolver.ArgsFromAppData(channel.Dialplan.AppData),
        };
        return Start(start, _draining ? CallEntry.Draining : CallEntry.Recovered);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Connected to ARI as application {Application} (reconnect: {IsReconnect})")]
        public static partial void Connected(ILogger logger, string application, bool isReconnect);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Disconnected from ARI ({Reason}) with {Calls} calls in hand; reconnecting")]
        public static partial void Disconnected(ILogger logger, string reason, int calls);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Recovered {Count} calls found in application {Application} after connecting")]
        public static partial void Recovered(ILogger logger, int count, string application);

        [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Recovering the calls of application {Application} failed")]
        public static partial void RecoveryFailed(ILogger logger, Exception exception, string application);

        [LoggerMessage(EventId = 1005, Level = LogLevel.Critical, Message = "Call session {ChannelId} crashed")]
        public static partial void SessionCrashed(ILogger logger, Exception exception, string channelId);

        [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Shutting down: draining {Calls} calls for up to {Timeout}")]
        public static partial void Draining(ILogger logger, int calls, TimeSpan timeout);

        [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Channel {ChannelId} entered the application again (rule argument {Rule}); it is taken as a new call once its previous session ends")]
        public static partial void ReEntered(ILogger logger, string channelId, string rule);

        [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Channel {ChannelId} already has a session; second start ignored")]
        public static partial void DuplicateStart(ILogger logger, string channelId);

        [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Channel {ChannelId} was in application {Application} without a call session; routing it")]
        public static partial void Swept(ILogger logger, string channelId, string application);

        [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Another connection took over application {Application}; this router receives no new calls")]
        public static partial void ApplicationReplaced(ILogger logger, string application);
    }
}

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

    public int ActiveCalls => _calls.Count;

    public void OnEvent(AriEvent ariEvent)
    {
        switch (ariEvent)
        {
            case StasisStart start:
                Start(start, _draining ? CallEntry.Draining : CallEntry.New);
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

    public void OnDisconnected(string reason) => Log.Disconnected(logger, reason, _calls.Count);

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

    private void Start(StasisStart start, CallEntry entry)
    {
        var session = new CallSession(services, start, entry);
        if (!_calls.TryAdd(session.ChannelId, session))
        {
            session.Dispose();
            return;
        }

        _ = Task.Run(() => RunAsync(session));
    }

    private async Task RunAsync(CallSession session)
    {
        try
        {
            await session.RunAsync();
        }
        catch (Exception ex)
        {
            Log.SessionCrashed(logger, ex, session.ChannelId);
        }
        finally
        {
            _calls.TryRemove(session.ChannelId, out _);
            session.Dispose();
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
                if (_calls.ContainsKey(channelId))
                {
                    continue;
                }

                var channel = await services.Ari.GetChannelAsync(channelId, timeout.Token);
                if (channel is null || !string.Equals(channel.Dialplan.AppName, "Stasis", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var start = new StasisStart
                {
                    Type = "StasisStart",
                    Application = application,
                    Channel = channel,
                    Args = RuleResolver.ArgsFromAppData(channel.Dialplan.AppData),
                };
                Start(start, _draining ? CallEntry.Draining : CallEntry.Recovered);
                recovered++;
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

        [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Another connection took over application {Application}; this router receives no new calls")]
        public static partial void ApplicationReplaced(ILogger logger, string application);
    }
}

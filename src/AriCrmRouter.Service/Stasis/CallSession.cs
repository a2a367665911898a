using System.Collections.Concurrent;
using System.Threading.Channels;
using AriCrmRouter.Ari.Events;
using AriCrmRouter.Ari.Rest;
using AriCrmRouter.Crm.Lookup;
using AriCrmRouter.Routing.Evaluation;
using AriCrmRouter.Routing.Rules;
using AriCrmRouter.Service.Destinations;
using Microsoft.Extensions.Logging;

namespace AriCrmRouter.Service.Stasis;

/// <summary>How a call came into the router.</summary>
public enum CallEntry
{
    /// <summary>A StasisStart: the normal flow.</summary>
    New,

    /// <summary>Found in the application after a reconnect: its events were lost while we were away.</summary>
    Recovered,

    /// <summary>Arrived while the router is shutting down: straight to the default destination.</summary>
    Draining,
}

/// <summary>
/// One call in the router: its own ordered event queue, and the flow that takes it from StasisStart to a
/// destination (ring or answer, greeting and DTMF, lookup, decision, continue). Everything that goes wrong
/// ends here: the caller goes to the default destination, or nothing happens if the caller hung up.
/// </summary>
internal sealed partial class CallSession : IDisposable
{
    private readonly Channel<AriEvent> _events = Channel.CreateUnbounded<AriEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<char> _digits = Channel.CreateUnbounded<char>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _playbacks = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _gone = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly CallServices _services;
    private readonly StasisStart _start;
    private readonly CallEntry _entry;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _activePlayback;
    private volatile bool _leftApplication;

    public CallSession(CallServices services, StasisStart start, CallEntry entry)
    {
        _services = services;
        _start = start;
        _entry = entry;
    }

    public string ChannelId => _start.Channel.Id;

    public CallState State { get; private set; } = CallState.Entered;

    /// <summary>A StasisEnd of this channel was seen: a later StasisStart of it is a new visit, not a duplicate.</summary>
    public bool HasLeftApplication => _leftApplication;

    /// <summary>Completes when the dispatcher is done with this session (its flow ended and it was removed).</summary>
    public Task Finished => _finished.Task;

    /// <summary>Called by the dispatcher, in event order, when the channel's StasisEnd arrives.</summary>
    public void MarkLeftApplication() => _leftApplication = true;

    /// <summary>Called by the dispatcher once the session is removed: a waiting re-entry of the channel may start.</summary>
    public void MarkFinished() => _finished.TrySetResult();

    /// <summary>Queues an event of this call; handled strictly in arrival order.</summary>
    public void Enqueue(AriEvent ariEvent) => _events.Writer.TryWrite(ariEvent);

    /// <summary>Stops waiting (shutdown): the call is sent to its default destination.</summary>
    public void Abort() => _abort.Cancel();

    public async Task RunAsync()
    {
        var pump = PumpEventsAsync();
        try
        {
            await FlowAsync();
        }
        finally
        {
            _events.Writer.TryComplete();
            await pump;
        }
    }

    public void Dispose()
    {
        _gone.Dispose();
        _abort.Dispose();
    }

    /// <summary>Turns this call's events, in order, into what the flow waits for.</summary>
    private async Task PumpEventsAsync()
    {
        await foreach (var ariEvent in _events.Reader.ReadAllAsync())
        {
            try
            {
                switch (ariEvent)
                {
                    case ChannelDtmfReceived dtmf when dtmf.Digit.Length > 0:
                        _digits.Writer.TryWrite(dtmf.Digit[0]);
                        break;
                    case PlaybackFinished finished when _playbacks.TryRemove(finished.Playback.Id, out var done):
                        done.TrySetResult(finished.Playback.State);
                        break;
                    case ChannelHangupRequest or ChannelDestroyed or StasisEnd:
                        await _gone.CancelAsync();
                        break;
                    case TransportResumed:
                        await ResyncAsync();
                        break;
                }
            }
            catch (Exception ex) when (ex is AriException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
            {
                Log.EventHandlingFailed(_services.Logger, ex, ChannelId, ariEvent.Type);
            }
        }
    }

    /// <summary>After a reconnect: events may have been lost. A vanished channel is treated as hung up; a greeting is cut short.</summary>
    private async Task ResyncAsync()
    {
        using var timeout = new CancellationTokenSource(_services.Options.RoutingTimeout, _services.Time);
        var channel = await _services.Ari.GetChannelAsync(ChannelId, timeout.Token);
        if (channel is null)
        {
            await _gone.CancelAsync();
            return;
        }

        if (_activePlayback is { } playbackId && _playbacks.TryRemove(playbackId, out var pending))
        {
            await _services.Ari.StopPlaybackAsync(playbackId, timeout.Token);
            pending.TrySetResult("interrupted");
        }
    }

    private async Task FlowAsync()
    {
        var logger = _services.Logger;
        var channel = _start.Channel;
        using var scope = Log.CallScope(logger, channel.Id, CallerInput.Mask(channel.Caller.Number, 4));
        using var flowToken = CancellationTokenSource.CreateLinkedTokenSource(_gone.Token, _abort.Token);
        var token = flowToken.Token;
        Rule? rule = null;
        LookupResult? lookup = null;
        var dtmf = "";
        try
        {
            rule = RuleResolver.Resolve(_services.Rules.Current, _start, out var lookedFor);
            if (rule is null)
            {
                Log.NoRule(logger, channel.Id, lookedFor);
                await RouteAsync(Decision.Fallback(_services.Options.FallbackDestination, DecisionReason.RuleNotFound, $"no {lookedFor}"), null, null);
                return;
            }

            if (_entry == CallEntry.Draining || (_entry == CallEntry.Recovered && (rule.Location != RuleLocation.Did || IsAnswered(channel.State))))
            {
                var reason = _entry == CallEntry.Draining ? DecisionReason.ShuttingDown : DecisionReason.Recovered;
                await RouteAsync(Decision.Fallback(DefaultOf(rule), reason), rule, null);
                return;
            }

            if (rule.Location == RuleLocation.Did)
            {
                MoveTo(CallState.Ringing);
                await _services.Ari.RingAsync(channel.Id, token);
            }
            else
            {
                MoveTo(CallState.Greeting);
                await _services.Ari.AnswerAsync(channel.Id, token);
                dtmf = await CollectDtmfAsync(rule, token);
            }

            MoveTo(CallState.LookingUp);
            var input = new CallerInput(channel.Caller.Number, dtmf.Length > 0 ? dtmf : null, channel.Dialplan.Exten);
            lookup = await _services.Lookup.LookupAsync(rule, input, token);
            var decision = RuleEvaluator.Evaluate(rule, lookup.Outcome, _services.Options.VoicemailWhenNotSet);
            await RouteAsync(decision, rule, lookup, input.MaskedKey);
        }
        catch (OperationCanceledException) when (_gone.IsCancellationRequested)
        {
            CallerLeft(rule);
        }
        catch (AriException ex) when (ex.IsNotFound)
        {
            CallerLeft(rule);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            await RouteAsync(Decision.Fallback(rule is null ? _services.Options.FallbackDestination : DefaultOf(rule), DecisionReason.ShuttingDown), rule, lookup);
        }
        catch (Exception ex)
        {
            Log.CallFailed(logger, ex, channel.Id, State);
            MoveTo(CallState.Failed);
            await RouteAsync(Decision.Fallback(rule is null ? _services.Options.FallbackDestination : DefaultOf(rule), DecisionReason.InternalError, ex.GetType().Name), rule, lookup);
        }
    }

    private void CallerLeft(Rule? rule)
    {
        var before = State;
        MoveTo(CallState.HungUp);
        Log.CallerHungUp(_services.Logger, ChannelId, rule?.Name ?? "-", before);
        _services.Metrics?.CallerHungUp(rule?.Name);
    }

    /// <summary>Answered IVR flow: greeting (interruptible; its digits are kept) and DTMF collection.</summary>
    private async Task<string> CollectDtmfAsync(Rule rule, CancellationToken token)
    {
        var time = _services.Time;
        var collector = new DtmfCollector(rule.Dtmf ?? DtmfSettings.Defaults);
        Task<string>? greeting = null;
        var greetingUntil = DateTimeOffset.MaxValue;
        if (!string.IsNullOrWhiteSpace(rule.Greeting))
        {
            greeting = await StartPlaybackAsync(GreetingPlaybackId(ChannelId), $"sound:{rule.Greeting}", token);
            greetingUntil = time.GetUtcNow() + _services.Options.MaxGreetingDuration;
        }
        else
        {
            collector.Arm(time.GetUtcNow());
        }

        MoveTo(CallState.CollectingDtmf);
        while (!collector.IsComplete)
        {
            if (greeting is { IsCompleted: true })
            {
                if (await greeting == "failed")
                {
                    Log.GreetingFailed(_services.Logger, ChannelId, rule.Greeting!);
                }

                greeting = null;
                _activePlayback = null;
                collector.Arm(time.GetUtcNow());
            }

            while (!collector.IsComplete && _digits.Reader.TryRead(out var digit))
            {
                if (greeting is not null)
                {
                    await StopActivePlaybackAsync(token); // barge-in: the digit is kept
                    greeting = null;
                }

                collector.Add(digit, time.GetUtcNow());
            }

            if (collector.IsComplete)
            {
                break;
            }

            var now = time.GetUtcNow();
            collector.Tick(now);
            if (greeting is not null && now >= greetingUntil)
            {
                await StopActivePlaybackAsync(token);
                greeting = null;
                collector.Arm(now);
            }

            if (collector.IsComplete)
            {
                break;
            }

            var wakeAt = greeting is not null ? greetingUntil : collector.Deadline!.Value;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
            var digitReady = _digits.Reader.WaitToReadAsync(wait.Token).AsTask();
            var timer = Task.Delay(Max(wakeAt - now, TimeSpan.Zero), time, wait.Token);
            await (greeting is null ? Task.WhenAny(digitReady, timer) : Task.WhenAny(digitReady, timer, greeting));
            await wait.CancelAsync();
            token.ThrowIfCancellationRequested();
        }

        Log.DtmfCollected(_services.Logger, ChannelId, collector.Digits.Length, collector.StopReason!.Value);
        return collector.Digits;
    }

    /// <summary>
    /// The greeting's playback id, derived from the channel: a router that finds the call after a restart can
    /// stop a greeting it did not start (Asterisk keeps a channel busy until its playback ends).
    /// </summary>
    public static string GreetingPlaybackId(string channelId) => $"crmrouter-greeting-{channelId}";

    /// <summary>Stage, then execute: the playback id is ours and registered before the POST, so its PlaybackFinished cannot be missed.</summary>
    private async Task<Task<string>> StartPlaybackAsync(string playbackId, string media, CancellationToken token)
    {
        var finished = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _playbacks[playbackId] = finished;
        _activePlayback = playbackId;
        await _services.Ari.PlayAsync(ChannelId, playbackId, media, token);
        return finished.Task;
    }

    private async Task StopActivePlaybackAsync(CancellationToken token)
    {
        if (_activePlayback is { } playbackId)
        {
            _activePlayback = null;
            _playbacks.TryRemove(playbackId, out _);
            await _services.Ari.StopPlaybackAsync(playbackId, token);
        }
    }

    /// <summary>Routes the call and writes the call's one decision line.</summary>
    private async Task RouteAsync(Decision decision, Rule? rule, LookupResult? lookup, string? maskedKey = null)
    {
        if (State != CallState.Failed && !CallStateTransitions.IsAllowed(State, CallState.Routing))
        {
            MoveTo(CallState.Failed);
        }

        MoveTo(CallState.Routing);
        try
        {
            // A playback still running would keep the channel in Stasis after continue (ari-facts.md).
            using var timeout = new CancellationTokenSource(_services.Options.RoutingTimeout, _services.Time);
            if (_entry == CallEntry.Recovered && _activePlayback is null)
            {
                // Found after a reconnect or restart: a greeting started before may still be playing.
                await _services.Ari.StopPlaybackAsync(GreetingPlaybackId(ChannelId), timeout.Token);
            }

            await StopActivePlaybackAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is AriException or HttpRequestException or OperationCanceledException)
        {
            Log.EventHandlingFailed(_services.Logger, ex, ChannelId, "stop-playback");
        }

        var result = await _services.Router.RouteAsync(ChannelId, decision, rule?.Name);
        var value = lookup?.Outcome switch
        {
            LookupOutcome.FoundValue found => found.Value,
            LookupOutcome.NoValue => "(not found)",
            LookupOutcome.LookupFailure => "(failed)",
            _ => "-",
        };
        var row = decision.MatchedRow?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        var destination = decision.Destination.ToString();
        var lookupMs = lookup is null ? -1 : (long)lookup.Elapsed.TotalMilliseconds;
        var cache = lookup is null ? "-" : lookup.CacheHit ? "hit" : "miss";
        var reason = DestinationRouter.ReasonName(decision.Reason);
        Log.Decision(_services.Logger, ChannelId, rule?.Name ?? "-", maskedKey ?? "-", value, reason, row, destination, lookupMs, cache, decision.Detail ?? "", result);
        _services.Metrics?.Routed(result, decision.Reason, rule?.Name);
        await RecentDecisions.AppendAsync(_services, new(_services.Time.GetUtcNow(), ChannelId, rule?.Name ?? "-", maskedKey ?? "-", value, reason, row, destination, lookupMs, result.ToString()));
        MoveTo(result == RoutingResult.ChannelGone ? CallState.HungUp : CallState.Routed);
    }

    private Destination DefaultOf(Rule rule) => RuleEvaluator.DefaultDestination(rule, _services.Options.VoicemailWhenNotSet);

    private void MoveTo(CallState next)
    {
        if (!CallStateTransitions.IsAllowed(State, next))
        {
            throw new InvalidOperationException($"call {ChannelId}: {State} -> {next} is not a valid transition");
        }

        Log.StateChanged(_services.Logger, ChannelId, State, next);
        State = next;
    }

    private static bool IsAnswered(string state) => string.Equals(state, "Up", StringComparison.OrdinalIgnoreCase);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static partial class Log
    {
        private static readonly Func<ILogger, string, string, IDisposable?> Scope =
            LoggerMessage.DefineScope<string, string>("call {ChannelId} from {Caller}");

        /// <summary>The scope every log line of a call carries: its channel and masked caller.</summary>
        public static IDisposable? CallScope(ILogger logger, string channelId, string caller) => Scope(logger, channelId, caller);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
            Message = "Call {ChannelId} decision: rule={Rule} key={Key} value={Value} reason={Reason} row={Row} destination={Destination} lookup_ms={LookupMs} cache={Cache} detail={Detail} result={Result}")]
        public static partial void Decision(ILogger logger, string channelId, string rule, string key, string value, string reason, string row, string destination, long lookupMs, string cache, string detail, RoutingResult result);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Call {ChannelId} ended by the caller before routing (rule={Rule}, state={State})")]
        public static partial void CallerHungUp(ILogger logger, string channelId, string rule, CallState state);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Call {ChannelId}: no rule for {LookedFor}; using the global fallback")]
        public static partial void NoRule(ILogger logger, string channelId, string lookedFor);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Call {ChannelId} failed in state {State}; sending it to its default destination")]
        public static partial void CallFailed(ILogger logger, Exception exception, string channelId, CallState state);

        [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Call {ChannelId}: {From} -> {To}")]
        public static partial void StateChanged(ILogger logger, string channelId, CallState from, CallState to);

        [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Call {ChannelId}: {Count} DTMF digits collected ({Reason})")]
        public static partial void DtmfCollected(ILogger logger, string channelId, int count, DtmfStopReason reason);

        [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Call {ChannelId}: greeting '{Greeting}' could not be played")]
        public static partial void GreetingFailed(ILogger logger, string channelId, string greeting);

        [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "Call {ChannelId}: handling {EventType} failed")]
        public static partial void EventHandlingFailed(ILogger logger, Exception exception, string channelId, string eventType);
    }
}

/// <summary>A marker queued to every live call after the ARI websocket reconnected.</summary>
internal sealed record TransportResumed : AriEvent
{
    public override string? ChannelId => null;
}

namespace AriCrmRouter.Service.Stasis.Session;

/// <summary>
/// One call in the router, from StasisStart to a destination: <see cref="FlowAsync"/> reads top to bottom (rule,
/// ring or answer, prompt, lookup, decision, continue) while the <see cref="CallEventPump"/> feeds it the call's
/// events in order. <see cref="State"/> is the one record of where the call is. Everything that goes wrong ends
/// here: the caller goes to the default destination, or nothing happens if the caller hung up.
/// </summary>
internal sealed class CallSession : IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CallServices _services;
    private readonly StasisStart _start;
    private readonly CallEntry _entry;
    private readonly CallStateMachine _state;
    private readonly CallEventPump _pump;
    private readonly PromptCollector _prompt;
    private readonly CallRouter _router;
    private volatile bool _leftApplication;

    public CallSession(CallServices services, StasisStart start, CallEntry entry)
    {
        _services = services;
        _start = start;
        _entry = entry;
        _state = new CallStateMachine(ChannelId, services.Logger);
        var playbacks = new PlaybackRegistry(services.Ari, ChannelId);
        _pump = new CallEventPump(services, playbacks, ChannelId);
        _prompt = new PromptCollector(services, playbacks, _pump.Keys, _state, ChannelId);
        _router = new CallRouter(services, _state, playbacks, ChannelId, entry);
    }

    public string ChannelId => _start.Channel.Id;

    /// <summary>A StasisEnd of this channel was seen: a later StasisStart of it is a new visit, not a duplicate.</summary>
    public bool HasLeftApplication => _leftApplication;

    /// <summary>Completes when the dispatcher is done with this session (its flow ended and it was removed).</summary>
    public Task Finished => _finished.Task;

    /// <summary>Called by the dispatcher, in event order, when the channel's StasisEnd arrives.</summary>
    public void MarkLeftApplication() => _leftApplication = true;

    /// <summary>Called by the dispatcher once the session is removed: a waiting re-entry of the channel may start.</summary>
    public void MarkFinished() => _finished.TrySetResult();

    /// <summary>Queues an event of this call; handled strictly in arrival order.</summary>
    public void Enqueue(AriEvent ariEvent) => _pump.Enqueue(ariEvent);

    /// <summary>The drain time ran out (shutdown): the call stops waiting and goes to its default destination.</summary>
    public void Abort() => _abort.Cancel();

    public async Task RunAsync()
    {
        var pump = _pump.RunAsync();
        try
        {
            await FlowAsync();
        }
        finally
        {
            _pump.Complete();
            await pump;
        }
    }

    public void Dispose()
    {
        _pump.Dispose();
        _abort.Dispose();
    }

    private async Task FlowAsync()
    {
        var channel = _start.Channel;
        using var scope = Log.CallScope(_services.Logger, channel.Id, CallerInput.Mask(channel.Caller.Number, 4));
        using var flow = CancellationTokenSource.CreateLinkedTokenSource(_pump.Gone, _abort.Token);
        var token = flow.Token;
        Rule? rule = null;
        LookupResult? lookup = null;
        try
        {
            rule = RuleResolver.Resolve(_services.Rules.Current, _start, out var lookedFor);
            if (rule is null)
            {
                Log.NoRule(_services.Logger, channel.Id, lookedFor);
                await _router.RouteAsync(CallTransition.NoRule, Fallback(_services.Options.FallbackDestination, DecisionReason.RuleNotFound, $"no {lookedFor}"), null);
                return;
            }

            if (_entry == CallEntry.Draining)
            {
                await _router.RouteAsync(CallTransition.ShutDown, Fallback(DefaultOf(rule), DecisionReason.ShuttingDown), rule);
                return;
            }

            if (_entry == CallEntry.Recovered && (rule.Location != RuleLocation.Did || IsAnswered(channel.State)))
            {
                await _router.RouteAsync(CallTransition.Recover, Fallback(DefaultOf(rule), DecisionReason.Recovered), rule);
                return;
            }

            string? dtmf = null;
            if (rule.Location == RuleLocation.Did)
            {
                _state.Apply(CallTransition.Ring);
                await _services.Ari.RingAsync(channel.Id, token);
            }
            else
            {
                await _services.Ari.AnswerAsync(channel.Id, token);
                dtmf = await _prompt.CollectAsync(rule, token);
            }

            _state.Apply(CallTransition.LookUp);
            var input = new CallerInput(channel.Caller.Number, string.IsNullOrEmpty(dtmf) ? null : dtmf, channel.Dialplan.Exten);
            lookup = await _services.Lookup.LookupAsync(rule, input, token);
            // Choose, not Evaluate: the call needs the destination and the reason, not the trail of every row (no allocation).
            var decision = RuleEvaluator.Choose(rule, lookup.Outcome, _services.Options.VoicemailWhenNotSet);
            await _router.RouteAsync(CallTransition.Decide, decision, rule, lookup, input.MaskedKey);
        }
        catch (Exception ex) when (CallerLeft(ex))
        {
            _services.Decisions.CallerLeft(channel.Id, rule, _state.Current);
            _state.Apply(CallTransition.HangUp);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            await _router.RouteAsync(CallTransition.Abort, Fallback(DefaultOrFallback(rule), DecisionReason.ShuttingDown), rule, lookup);
        }
        catch (Exception ex)
        {
            Log.CallFailed(_services.Logger, ex, channel.Id, _state.Current);
            _state.Apply(CallTransition.Fail);
            await _router.RouteAsync(CallTransition.FailOpen, Fallback(DefaultOrFallback(rule), DecisionReason.InternalError, ex.GetType().Name), rule, lookup);
        }
    }

    /// <summary>A hang-up event, or ARI saying the channel is gone: the caller left, which is no error.</summary>
    private bool CallerLeft(Exception ex) =>
        (ex is OperationCanceledException && _pump.Gone.IsCancellationRequested) || ex is AriException { IsNotFound: true };

    /// <summary>A decision made without evaluating rows.</summary>
    private static RoutingChoice Fallback(Destination destination, DecisionReason reason, string? detail = null) => new(destination, reason, null, detail);

    private Destination DefaultOf(Rule rule) => RuleEvaluator.DefaultDestination(rule, _services.Options.VoicemailWhenNotSet);

    private Destination DefaultOrFallback(Rule? rule) => rule is null ? _services.Options.FallbackDestination : DefaultOf(rule);

    private static bool IsAnswered(string state) => string.Equals(state, "Up", StringComparison.OrdinalIgnoreCase);
}

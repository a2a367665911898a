namespace AriCrmRouter.Service;

/// <summary>
/// Every log message of the router (event ids 2000-2999, docs/operations.md): 20xx a call, 21xx its routing,
/// 22xx CRM connections, 23xx the operations endpoint, 24xx the dispatcher. The websocket's own connect, drop
/// and ApplicationReplaced lines belong to the ARI client (1xxx) and are not logged here again.
/// </summary>
internal static partial class Log
{
    private static readonly Func<ILogger, string, string, IDisposable?> Scope =
        LoggerMessage.DefineScope<string, string>("call {ChannelId} from {Caller}");

    private static readonly Func<ILogger, string, IDisposable?> AriServer =
        LoggerMessage.DefineScope<string>("server {AriServer}");

    /// <summary>The scope every log line of a call carries: its channel and masked caller.</summary>
    public static IDisposable? CallScope(ILogger logger, string channelId, string caller) => Scope(logger, channelId, caller);

    /// <summary>The scope of everything done for one Asterisk server (its connection, calls and sweeps): its name.</summary>
    public static IDisposable? ServerScope(ILogger logger, string server) => AriServer(logger, server);

    [LoggerMessage(2001, LogLevel.Information, "Call {ChannelId} decision: rule={Rule} key={Key} value={Value} reason={Reason} row={Row} destination={Destination} lookup_ms={LookupMs} cache={Cache} detail={Detail} result={Result}")]
    public static partial void Decision(ILogger logger, string channelId, string rule, string key, string value, string reason, string row, string destination, long lookupMs, string cache, string detail, RoutingResult result);

    [LoggerMessage(2002, LogLevel.Information, "Call {ChannelId} ended by the caller before routing (rule={Rule}, state={State})")]
    public static partial void CallerHungUp(ILogger logger, string channelId, string rule, CallState state);

    [LoggerMessage(2003, LogLevel.Warning, "Call {ChannelId}: no rule for {LookedFor}; using the global fallback")]
    public static partial void NoRule(ILogger logger, string channelId, string lookedFor);

    [LoggerMessage(2004, LogLevel.Error, "Call {ChannelId} failed in state {State}; sending it to its default destination")]
    public static partial void CallFailed(ILogger logger, Exception exception, string channelId, CallState state);

    [LoggerMessage(2005, LogLevel.Debug, "Call {ChannelId}: {From} -> {To} ({Transition})")]
    public static partial void StateChanged(ILogger logger, string channelId, CallState from, CallState to, CallTransition transition);

    [LoggerMessage(2006, LogLevel.Debug, "Call {ChannelId}: {Count} DTMF digits collected ({Reason})")]
    public static partial void DtmfCollected(ILogger logger, string channelId, int count, DtmfStopReason reason);

    [LoggerMessage(2007, LogLevel.Warning, "Call {ChannelId}: greeting '{Greeting}' could not be played")]
    public static partial void GreetingFailed(ILogger logger, string channelId, string greeting);

    [LoggerMessage(2008, LogLevel.Debug, "Call {ChannelId}: handling {EventType} failed")]
    public static partial void EventHandlingFailed(ILogger logger, Exception exception, string channelId, string eventType);

    [LoggerMessage(2101, LogLevel.Debug, "Channel {ChannelId} was gone while routing it (ARI {Status})")]
    public static partial void ChannelGone(ILogger logger, string channelId, int status);

    [LoggerMessage(2102, LogLevel.Error, "Channel {ChannelId} could not be continued to {Destination} while in Stasis; trying the global fallback {Fallback}")]
    public static partial void RoutingFailed(ILogger logger, string channelId, string destination, string fallback);

    [LoggerMessage(2103, LogLevel.Warning, "Channel {ChannelId} sent to the global fallback {Destination}")]
    public static partial void SentToFallback(ILogger logger, string channelId, string destination);

    [LoggerMessage(2104, LogLevel.Critical, "Channel {ChannelId} could not be routed at all; the sweep will try again, the dialplan's TIMEOUT(absolute) guard is the last resort")]
    public static partial void FallbackFailed(ILogger logger, string channelId);

    [LoggerMessage(2105, LogLevel.Warning, "Channel {ChannelId}: label {Name} could not be set; routing it anyway")]
    public static partial void LabelFailed(ILogger logger, Exception exception, string channelId, string name);

    [LoggerMessage(2106, LogLevel.Warning, "Channel {ChannelId}: continue to {Context},{Extension},1 failed")]
    public static partial void ContinueFailed(ILogger logger, Exception exception, string channelId, string context, string extension);

    [LoggerMessage(2301, LogLevel.Information, "Health and metrics on {Address} (/healthz, /readyz, /metrics)")]
    public static partial void OperationsListening(ILogger logger, Uri address);

    [LoggerMessage(2403, LogLevel.Warning, "Recovered {Count} calls found in application {Application} after connecting")]
    public static partial void Recovered(ILogger logger, int count, string application);

    [LoggerMessage(2404, LogLevel.Error, "Recovering the calls of application {Application} failed")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception, string application);

    [LoggerMessage(2405, LogLevel.Critical, "Call session {ChannelId} crashed")]
    public static partial void SessionCrashed(ILogger logger, Exception exception, string channelId);

    [LoggerMessage(2406, LogLevel.Information, "Shutting down: draining {Calls} calls for up to {Timeout}")]
    public static partial void Draining(ILogger logger, int calls, TimeSpan timeout);

    [LoggerMessage(2407, LogLevel.Warning, "Shutting down: {Calls} calls still in hand after the drain time; sending them to their default destinations")]
    public static partial void DrainTimedOut(ILogger logger, int calls);

    [LoggerMessage(2408, LogLevel.Information, "Channel {ChannelId} entered the application again (rule argument {Rule}); it is taken as a new call once its previous session ends")]
    public static partial void ReEntered(ILogger logger, string channelId, string rule);

    [LoggerMessage(2409, LogLevel.Debug, "Channel {ChannelId} already has a session; second start ignored")]
    public static partial void DuplicateStart(ILogger logger, string channelId);

    [LoggerMessage(2410, LogLevel.Warning, "Channel {ChannelId} was in application {Application} without a call session; routing it")]
    public static partial void Swept(ILogger logger, string channelId, string application);

    [LoggerMessage(2411, LogLevel.Warning, "Sweeping the application for channels without a call session failed; trying again at the next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(2420, LogLevel.Debug, "Claimed broadcast channel {ChannelId} for application {Application}")]
    public static partial void OfferClaimed(ILogger logger, string channelId, string application);

    [LoggerMessage(2421, LogLevel.Debug, "Broadcast channel {ChannelId} was claimed by another router first")]
    public static partial void OfferTakenElsewhere(ILogger logger, string channelId);

    [LoggerMessage(2422, LogLevel.Information, "Not claiming broadcast channel {ChannelId}: {Reason}")]
    public static partial void OfferDeclined(ILogger logger, string channelId, string reason);

    [LoggerMessage(2423, LogLevel.Warning, "Claiming broadcast channel {ChannelId} failed; unclaimed, it returns to the dialplan's fallback")]
    public static partial void ClaimFailed(ILogger logger, string channelId, Exception exception);

    [LoggerMessage(2424, LogLevel.Warning, "Took over channel {ChannelId} of router {Peer}, which stopped renewing its presence; moved it to {Application}")]
    public static partial void PeerCallTaken(ILogger logger, string channelId, string peer, string application);

    [LoggerMessage(2425, LogLevel.Warning, "Checking the other routers for calls to take over failed; trying again at the next sweep")]
    public static partial void PeerTakeoverFailed(ILogger logger, Exception exception);
}

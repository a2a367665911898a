namespace AriCrmRouter.Service.Stasis.Routing;

/// <summary>
/// The last step of every call that is not hung up: moves the call to <see cref="CallState.Routing"/> by the
/// transition that says why, stops any playback (a playing channel stays in Stasis after continue, ari-facts.md),
/// sends the channel to the decision's destination and writes the call's one decision line.
/// </summary>
internal sealed class CallRouter(CallServices services, CallStateMachine state, PlaybackRegistry playbacks, string channelId, CallEntry entry)
{
    public async Task RouteAsync(CallTransition why, RoutingChoice decision, Rule? rule, LookupResult? lookup = null, string? maskedKey = null)
    {
        state.Apply(why);
        await StopPlaybackAsync();
        var result = await services.Router.RouteAsync(channelId, decision, rule?.Name);
        await services.Decisions.RoutedAsync(channelId, decision, result, rule, lookup, maskedKey);
        state.Apply(result == RoutingResult.ChannelGone ? CallTransition.HangUp : CallTransition.Continue);
    }

    private async Task StopPlaybackAsync()
    {
        if (entry != CallEntry.Recovered && !playbacks.HasActive)
        {
            return; // nothing playing (a DID call, or the prompt is over): no timer, no request
        }

        try
        {
            using var timeout = new CancellationTokenSource(services.Options.RoutingTimeout, services.Time);
            if (entry == CallEntry.Recovered && !playbacks.HasActive)
            {
                // Found after a reconnect or restart: a greeting started before may still be playing.
                await services.Ari.StopPlaybackAsync(PlaybackRegistry.GreetingPlaybackId(channelId), timeout.Token);
            }

            await playbacks.StopActiveAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is AriException or HttpRequestException or OperationCanceledException)
        {
            Log.EventHandlingFailed(services.Logger, ex, channelId, "stop-playback");
        }
    }
}

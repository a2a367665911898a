namespace AriCrmRouter.Service.Stasis.Dispatch;

/// <summary>
/// Answers <c>StasisBroadcast()</c> offers (Asterisk 22.7+), the way several routers share one Asterisk: each
/// router has its own application name, the dialplan offers every call to all of them, the first claim wins and
/// that router gets the call's StasisStart. A router claims only when it can serve the call: it has loaded a rule
/// set and is not shutting down (an offer reaches only a connected router). A lost claim is normal flow; a call
/// nobody claims goes back to the dialplan's fallback when the broadcast times out.
/// </summary>
internal sealed class BroadcastClaims(CallServices services, CallRegistry calls, IOptions<AriOptions> ariOptions, ILogger<CallDispatcher> logger)
{
    private readonly string _application = ariOptions.Value.Application;

    /// <summary>Claims the offered channel in the background (the receive loop never waits), or declines it.</summary>
    public void Offer(CallBroadcast offer)
    {
        var channelId = offer.Channel.Id;
        if (calls.IsDraining)
        {
            Log.OfferDeclined(logger, channelId, "shutting down");
        }
        else if (services.Rules.Version == 0)
        {
            Log.OfferDeclined(logger, channelId, "no rule set loaded");
        }
        else
        {
            _ = ClaimAsync(channelId);
        }
    }

    private async Task ClaimAsync(string channelId)
    {
        try
        {
            if (await services.Ari.ClaimAsync(channelId, _application, CancellationToken.None))
            {
                Log.OfferClaimed(logger, channelId, _application);
            }
            else
            {
                Log.OfferTakenElsewhere(logger, channelId);
            }
        }
        catch (Exception ex) when (ex is AriException or HttpRequestException or TaskCanceledException)
        {
            // Unclaimed, the call goes back to the dialplan when the broadcast times out: never silence.
            Log.ClaimFailed(logger, channelId, ex);
        }
    }
}

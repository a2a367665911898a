using System.Threading.Channels;

namespace AriCrmRouter.Service.Stasis.Prompt;

/// <summary>
/// The answered IVR prompt of one call: plays the greeting (<see cref="CallState.Greeting"/>), lets a key stop it
/// (barge-in; the key is kept), then collects the entry (<see cref="CallState.CollectingDtmf"/>) with the rule's
/// terminator, length and timeouts on the injected clock. A greeting is bounded by <c>Routing:MaxGreetingDuration</c>
/// in case its PlaybackFinished is lost.
/// </summary>
internal sealed class PromptCollector(
    CallServices services, PlaybackRegistry playbacks, ChannelReader<char> keys, CallStateMachine state, string channelId)
{
    public async Task<string> CollectAsync(Rule rule, CancellationToken token)
    {
        var entry = new DtmfCollector(rule.Dtmf ?? DtmfSettings.Defaults);
        var greeting = await StartGreetingAsync(rule, token);
        if (greeting is null)
        {
            StartCollecting(entry);
        }

        while (!entry.IsComplete)
        {
            if (greeting is { Finished.IsCompleted: true })
            {
                if (await greeting.Finished == "failed")
                {
                    Log.GreetingFailed(services.Logger, channelId, rule.Greeting!);
                }

                playbacks.Ended();
                greeting = EndGreeting(entry);
            }

            while (!entry.IsComplete && keys.TryRead(out var key))
            {
                if (greeting is not null)
                {
                    await playbacks.StopActiveAsync(token); // barge-in: the key is kept
                    greeting = EndGreeting(entry);
                }

                entry.Add(key, services.Time.GetUtcNow());
            }

            var now = services.Time.GetUtcNow();
            entry.Tick(now);
            if (greeting is not null && now >= greeting.Until)
            {
                await playbacks.StopActiveAsync(token);
                greeting = EndGreeting(entry);
            }

            if (!entry.IsComplete)
            {
                await WaitForInputAsync(greeting, entry, now, token);
            }
        }

        Log.DtmfCollected(services.Logger, channelId, entry.Digits.Length, entry.StopReason!.Value);
        return entry.Digits;
    }

    private async Task<PlayingGreeting?> StartGreetingAsync(Rule rule, CancellationToken token)
    {
        if (string.IsNullOrWhiteSpace(rule.Greeting))
        {
            return null;
        }

        state.Apply(CallTransition.Greet);
        var finished = await playbacks.StartAsync(PlaybackRegistry.GreetingPlaybackId(channelId), $"sound:{rule.Greeting}", token);
        return new PlayingGreeting(finished, services.Time.GetUtcNow() + services.Options.MaxGreetingDuration);
    }

    /// <summary>The greeting is over (finished, barged in, cut short): the first-digit timer starts now.</summary>
    private PlayingGreeting? EndGreeting(DtmfCollector entry)
    {
        StartCollecting(entry);
        return null;
    }

    private void StartCollecting(DtmfCollector entry)
    {
        state.Apply(CallTransition.CollectDigits);
        entry.Arm(services.Time.GetUtcNow());
    }

    /// <summary>Waits for a key, the next deadline (greeting bound or DTMF timer) or the greeting's end, whichever comes first.</summary>
    private async Task WaitForInputAsync(PlayingGreeting? greeting, DtmfCollector entry, DateTimeOffset now, CancellationToken token)
    {
        var wakeAt = greeting?.Until ?? entry.Deadline!.Value;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
        var keyReady = keys.WaitToReadAsync(wait.Token).AsTask();
        var timer = Task.Delay(wakeAt > now ? wakeAt - now : TimeSpan.Zero, services.Time, wait.Token);
        await (greeting is null ? Task.WhenAny(keyReady, timer) : Task.WhenAny(keyReady, timer, greeting.Finished));
        await wait.CancelAsync();
        token.ThrowIfCancellationRequested();
    }

    private sealed record PlayingGreeting(Task<string> Finished, DateTimeOffset Until);
}

using AriCrmRouter.Storage.Decisions;

namespace AriCrmRouter.Service.Stasis.Routing;

/// <summary>
/// Appends a call's decision (as logged: caller masked) to the bounded Redis stream the web admin's
/// Recent calls screen reads. Done after the call was routed, so it never delays a caller; best effort
/// with a short deadline (<c>Routing:RecentDecisionTimeout</c>): Redis being slow or down costs a missing
/// line on that screen, nothing more.
/// </summary>
internal sealed class RecentDecisions(RedisDecisionLog? stream, TimeProvider time, TimeSpan deadline)
{
    public async Task AppendAsync(DecisionRecord decision)
    {
        if (stream is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(deadline, time);
        try
        {
            await stream.TryAppendAsync(decision, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // Too slow: skip this line of Recent calls rather than hold the call's queue.
        }
    }
}

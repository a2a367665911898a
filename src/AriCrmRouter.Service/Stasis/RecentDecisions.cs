using AriCrmRouter.Storage.Decisions;

namespace AriCrmRouter.Service.Stasis;

/// <summary>
/// Appends a call's decision (as logged: caller masked) to the bounded Redis stream the web admin's
/// Recent calls screen reads. Done after the call was routed, so it never delays a caller; best effort
/// with a short deadline: Redis being slow or down costs a missing line on that screen, nothing more.
/// </summary>
internal static class RecentDecisions
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    public static async Task AppendAsync(CallServices services, DecisionRecord decision)
    {
        if (services.Decisions is not { } log)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(Deadline, services.Time);
        try
        {
            await log.TryAppendAsync(decision, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // Too slow: skip this line of Recent calls rather than hold the call's queue.
        }
    }
}

using Polly;
using Polly.Retry;

namespace AriCrmRouter.Ari.Transport;

/// <summary>
/// How the event connection waits between attempts: a Polly retry that never gives up, with exponential backoff
/// from <see cref="AriOptions.InitialReconnectDelay"/> up to <see cref="AriOptions.MaxReconnectDelay"/> and jitter
/// (several routers must not hammer a restarted Asterisk in step). An attempt is one websocket connection; it is
/// retried when it never connected or dropped sooner than <see cref="AriOptions.MaxReconnectDelay"/>. A connection
/// that held longer ends the pipeline's run, so the backoff starts again from the beginning.
/// </summary>
internal static class AriReconnectPolicy
{
    public static ResiliencePipeline<TimeSpan?> Create(AriOptions options, TimeProvider timeProvider, ILogger logger) =>
        new ResiliencePipelineBuilder<TimeSpan?> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<TimeSpan?>
            {
                ShouldHandle = args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested && ShouldRetry(args.Outcome, options.MaxReconnectDelay)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.InitialReconnectDelay,
                MaxDelay = options.MaxReconnectDelay,
                OnRetry = args =>
                {
                    Log.ReconnectDelay(logger, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>
    /// Never connected (null), or dropped at once: a server that accepts and immediately closes must meet the
    /// growing backoff, not be hammered at the initial delay.
    /// </summary>
    private static bool ShouldRetry(Outcome<TimeSpan?> outcome, TimeSpan heldLongEnough) =>
        outcome.Exception is null && (outcome.Result is not { } heldFor || heldFor < heldLongEnough);
}

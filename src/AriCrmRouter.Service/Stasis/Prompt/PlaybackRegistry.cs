using System.Collections.Concurrent;

namespace AriCrmRouter.Service.Stasis.Prompt;

/// <summary>
/// The playbacks of one call. Stage, then execute: the playback id is ours and registered before the POST, so its
/// PlaybackFinished cannot be missed, and the one playing can always be stopped (Asterisk keeps a channel in
/// Stasis, and busy, until its playback ends).
/// </summary>
internal sealed class PlaybackRegistry(IAriClient ari, string channelId)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _pending = new(StringComparer.Ordinal);
    private volatile string? _active;

    /// <summary>Whether a playback this session started may still be playing.</summary>
    public bool HasActive => _active is not null;

    /// <summary>
    /// The greeting's playback id, derived from the channel: a router that finds the call after a restart can
    /// stop a greeting it did not start.
    /// </summary>
    public static string GreetingPlaybackId(string channelId) => $"crmrouter-greeting-{channelId}";

    /// <summary>Starts <paramref name="media"/>; the task completes with the playback's final state ("done", "failed", "interrupted").</summary>
    public async Task<Task<string>> StartAsync(string playbackId, string media, CancellationToken cancellationToken)
    {
        var finished = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[playbackId] = finished;
        _active = playbackId;
        await ari.PlayAsync(channelId, playbackId, media, cancellationToken);
        return finished.Task;
    }

    /// <summary>A PlaybackFinished event arrived (from the call's event pump).</summary>
    public void Finished(string playbackId, string state)
    {
        if (_pending.TryRemove(playbackId, out var finished))
        {
            finished.TrySetResult(state);
        }
    }

    /// <summary>The flow saw the active playback end: nothing to stop any more.</summary>
    public void Ended() => _active = null;

    /// <summary>Stops the playback that may still be playing (barge-in, a greeting cut short, routing).</summary>
    public async Task StopActiveAsync(CancellationToken cancellationToken)
    {
        if (_active is { } playbackId)
        {
            _active = null;
            _pending.TryRemove(playbackId, out _);
            await ari.StopPlaybackAsync(playbackId, cancellationToken);
        }
    }

    /// <summary>After a reconnect its PlaybackFinished may be lost: stops the active playback and completes it as interrupted.</summary>
    public async Task InterruptActiveAsync(CancellationToken cancellationToken)
    {
        if (_active is { } playbackId && _pending.TryRemove(playbackId, out var pending))
        {
            await ari.StopPlaybackAsync(playbackId, cancellationToken);
            pending.TrySetResult("interrupted");
        }
    }
}
